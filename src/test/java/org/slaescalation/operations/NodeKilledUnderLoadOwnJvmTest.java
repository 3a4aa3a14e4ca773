package org.slaescalation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Catchup;
import org.slaescalation.support.EscalationLedger;
import org.slaescalation.support.EscalationLedger.Delivery;
import org.slaescalation.support.FaultSetup;
import org.slaescalation.support.Figures;
import org.slaescalation.support.ServiceNode;
import org.slaescalation.support.ShortTargetModels;
import org.slaescalation.support.TicketLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A restart of the database and kill -9 of a node, both under load, on a real PostgreSQL server, and the catch-up
 * after the node's restart. One node (a JVM of its own) gets tickets from four threads, a quarter of them enterprise
 * P1 incidents whose clocks run out in seconds
 * (first response {@link #FIRST_RESPONSE}, resolution {@link #RESOLUTION}, support OLA {@link #OLA} on 24x7: ten
 * escalation rungs each), the others standard P3 bugs with clocks of hours. It is killed with kill -9 while tickets
 * keep arriving and restarted at once on the same database; before that, PostgreSQL is stopped and started again
 * (same data, same port) while tickets arrive. It shows:
 * <ul>
 *   <li>while the database is down, a request answers 503 with {@code Retry-After} and a problem body, never 500:
 *       intake, and {@code /engine-rest}, whose HTTP Basic password check in the security filter chain meets the
 *       lost connection first; no intake request of the load is answered anything but 201 or 503;</li>
 *   <li>the service recovers from the database restart by itself: tickets are acknowledged again within
 *       {@link #DATABASE_RECOVERY} of the database being back;</li>
 *   <li>every ticket answered 201 is there after the restart;</li>
 *   <li>every escalation due in the meantime (while the node was down, or due and not yet sent when it died) is sent
 *       within {@link #BOUND} of the restart (the restarted node answering), and none twice: each Message-ID reaches
 *       each recipient once, except a mail whose first copy the node wrote before it died (the kill came between the
 *       mail server's acceptance and the commit that marks it sent, so the restarted node sends it again; the mail
 *       server may store that first copy up to {@link #IN_FLIGHT} after the process is gone);</li>
 *   <li>catch-up is prompt: every rung that falls due after the restart is sent within {@link #BOUND} of its due
 *       instant, not behind the backlog; the backlog's order (due instant against arrival) is in the figures.</li>
 * </ul>
 * Figures (tickets, rungs, lateness, intake latency) go to the log and {@code target/fault-tests/}.
 */
class NodeKilledUnderLoadOwnJvmTest {

  static final Duration FIRST_RESPONSE = Duration.ofSeconds(20);
  static final Duration RESOLUTION = Duration.ofSeconds(40);
  static final Duration OLA = Duration.ofSeconds(10);
  static final int INTERNAL_PERCENT = 60;
  /** The bound: what fell due in the meantime within 60 s of the restart; no later rung held up longer. */
  static final Duration BOUND = Duration.ofSeconds(60);
  /** How long the service may take to answer 201 again once the database is back, without anyone acting. */
  static final Duration DATABASE_RECOVERY = Duration.ofSeconds(60);
  /** How long after kill -9 returns the mail server may still store a mail the dead node had already written. */
  static final Duration IN_FLIGHT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(NodeKilledUnderLoadOwnJvmTest.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void afterKillMinus9EveryAcknowledgedTicketIsThereAndTheBacklogIsSentPromptlyAndOnce() throws Exception {
    Path folder = Files.createTempDirectory("node-killed");
    Path models = ShortTargetModels.copy(FIRST_RESPONSE, RESOLUTION, OLA, INTERNAL_PERCENT);
    int databasePort = ServiceNode.freePort();
    int nodePort = ServiceNode.freePort();
    GreenMail mail = new GreenMail(new ServerSetup(ServiceNode.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    Figures figures = new Figures("node-killed-under-load");
    EmbeddedPostgres postgres = FaultSetup.postgres(folder.resolve("pg"), databasePort);
    List<AutoCloseable> running = new ArrayList<>();
    try {
      JdbcClient jdbc = FaultSetup.jdbc(databasePort);
      String[] arguments = FaultSetup.nodeArguments(databasePort, models, mail.getSmtp().getPort());
      Instant startedAt = Instant.now();
      ServiceNode node = ServiceNode.start(folder, "a", nodePort, arguments).awaitUp(TicketLoad.CRM,
          Duration.ofMinutes(3));
      running.add(node);
      figures.line("node up after %d s", Duration.between(startedAt, Instant.now()).toSeconds());

      // Tickets arrive at 8 a second, one in four with clocks of seconds. After about 40 the database restarts; once
      // tickets are acknowledged again the node is killed and restarted; tickets keep coming.
      TicketLoad load = TicketLoad.start(List.of(node.url("")), 4, Integer.MAX_VALUE, 8, i -> i % 4 == 1);
      running.add(load);
      awaitAcknowledged(load, 40, Duration.ofMinutes(2));
      Instant databaseDownAt = Instant.now();
      postgres.close();
      // While it is down, a request answers 503 and says when to come back, whether the password check of HTTP Basic
      // (in the security filter chain) or the service's own code meets the lost connection.
      List<Probe> whileDown = List.of(
          Probe.send(node, "POST", "/api/tickets", TicketLoad.CRM, TicketLoad.json(0, false)),
          Probe.send(node, "GET", "/engine-rest/task?maxResults=1", TicketLoad.basic("demo", "demo"), null));
      postgres = FaultSetup.postgres(folder.resolve("pg"), databasePort);
      Instant databaseUpAt = Instant.now();
      int acknowledgedBeforeDatabaseRestart = load.acknowledged().size();
      Instant recoveredAt = awaitAcknowledgedStartedAfter(load, databaseUpAt, DATABASE_RECOVERY);
      figures.line("database restarted after %d acknowledged tickets, down %d ms; first ticket acknowledged %d ms "
              + "after it was back", acknowledgedBeforeDatabaseRestart,
          Duration.between(databaseDownAt, databaseUpAt).toMillis(),
          Duration.between(databaseUpAt, recoveredAt).toMillis());
      whileDown.forEach(probe -> figures.line("while the database was down: %s", probe));
      awaitAcknowledged(load, acknowledgedBeforeDatabaseRestart + 60, Duration.ofMinutes(2));
      Instant killedAt = Instant.now();
      node.kill();
      Instant deadAt = Instant.now();
      int acknowledgedBeforeKill = load.acknowledged().size();
      String orphans = jdbc.sql("""
              select count(*) || ' (' || count(*) filter (where type_ = 'timer') || ' timers), locked until '
                || coalesce(to_char(max(lock_exp_time_) at time zone 'UTC', 'HH24:MI:SS'), '-') || ' UTC'
              from act_ru_job where lock_owner_ is not null""").query(String.class).single();
      Map<String, EscalationLedger.Arrival> beforeKill = EscalationLedger.escalations(mail);
      ServiceNode restarted = ServiceNode.start(folder, "a-restarted", nodePort, arguments);
      running.add(restarted);
      restarted.awaitUp(TicketLoad.CRM, Duration.ofMinutes(3));
      Instant upAt = Instant.now();
      figures.line("killed at %s after %d acknowledged tickets, holding the locks of %s jobs; restarted node up %d s "
          + "after the kill", killedAt, acknowledgedBeforeKill, orphans, Duration.between(killedAt, upAt).toSeconds());
      awaitAttemptsSince(load, upAt, 40, Duration.ofMinutes(1));
      load.stop();
      List<TicketLoad.Attempt> acknowledged = load.acknowledged();

      List<String> missingTickets = new ArrayList<>();
      for (TicketLoad.Attempt attempt : acknowledged) {
        HttpResponse<Void> found = HTTP.send(HttpRequest.newBuilder(URI.create(restarted.url("/api/tickets/"
            + attempt.ticketId()))).header("Authorization", TicketLoad.CRM).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (found.statusCode() != 200) {
          missingTickets.add(attempt.ticketId() + " (" + found.statusCode() + ")");
        }
      }

      List<EscalationLedger.Rung> expected = EscalationLedger.expected(jdbc, RESOLUTION, Instant.MAX);
      Instant lastDue = expected.get(expected.size() - 1).due();
      Instant deadline = later(upAt, lastDue).plus(BOUND).plusSeconds(5);
      awaitAll(mail, expected, deadline);
      restarted.kill();

      Map<String, EscalationLedger.Arrival> arrivals = EscalationLedger.escalations(mail);
      List<Delivery> deliveries = EscalationLedger.deliveries(expected, arrivals);
      List<Delivery> meantime = deliveries.stream().filter(d -> !d.rung().due().isAfter(upAt)
          && !beforeKill.containsKey(d.rung().key())).toList();
      List<Delivery> afterRestart = deliveries.stream().filter(d -> d.rung().due().isAfter(upAt)).toList();
      List<Delivery> missing = deliveries.stream().filter(d -> d.arrival() == null).toList();
      List<Delivery> lateAfterRestart = meantime.stream().filter(d -> d.arrival() != null
          && d.arrival().complete().isAfter(upAt.plus(BOUND))).toList();
      List<Delivery> heldUp = afterRestart.stream().filter(d -> d.arrival() != null
          && d.lateness().compareTo(BOUND) > 0).toList();
      List<Delivery> early = deliveries.stream().filter(d -> d.arrival() != null
          && d.arrival().first().isBefore(d.rung().due())).toList();
      List<EscalationLedger.Arrival> repeated = arrivals.values().stream().distinct()
          .filter(EscalationLedger.Arrival::repeated).toList();
      // What the dying node had written to the mail server before it died is stored a moment later: its first copy
      // may arrive just after the process is gone, never seconds later (the restarted node takes longer to start).
      Instant lastWordsBy = deadAt.plus(IN_FLIGHT);
      List<EscalationLedger.Arrival> repeatedByTheKill = repeated.stream().filter(a -> a.first().isBefore(lastWordsBy)
          && a.last().isAfter(killedAt)).toList();
      // The same for the database's restart: a mail the server accepted just before the commit that marks it sent
      // failed goes again once the database is back.
      List<EscalationLedger.Arrival> repeatedByTheDatabase = repeated.stream()
          .filter(a -> !a.first().isBefore(databaseDownAt.minus(IN_FLIGHT)) && a.first().isBefore(databaseUpAt)
              && a.last().isAfter(databaseDownAt)).toList();
      Map<Integer, Long> answers = load.attempts().stream()
          .collect(Collectors.groupingBy(TicketLoad.Attempt::status, TreeMap::new, Collectors.counting()));

      figures.line("tickets: %s", TicketLoad.summary(load.attempts()))
          .line("tickets acknowledged %d (%d before the kill), missing after the restart %d %s",
              acknowledged.size(), acknowledgedBeforeKill, missingTickets.size(), missingTickets)
          .line("rungs due %d (short-clock tickets in the database %d), arrived %d, missing %d",
              expected.size(), expected.stream().map(EscalationLedger.Rung::ticketId).distinct().count(),
              deliveries.size() - missing.size(), missing.size())
          .line("due in the meantime %d; ms from the restart to arrival: %s; later than %s after the restart %d",
              meantime.size(), Figures.distribution(meantime.stream().filter(d -> d.arrival() != null)
                  .map(d -> Duration.between(upAt, d.arrival().complete()).toMillis()).toList()), BOUND,
              lateAfterRestart.size())
          .line("due in the meantime, lateness ms: %s", Figures.distribution(EscalationLedger.latenessMillis(meantime)))
          .line("due in the meantime, rank correlation of due instant and arrival: %.2f",
              Catchup.rankCorrelation(meantime))
          .line("due after the restart %d, lateness ms: %s; later than %s %d", afterRestart.size(),
              Figures.distribution(EscalationLedger.latenessMillis(afterRestart)), BOUND, heldUp.size())
          .line("mails sent twice %d (%d across the kill, killed %s, dead %s; %d across the database's restart)",
              repeated.size(), repeatedByTheKill.size(), killedAt, deadAt, repeatedByTheDatabase.size())
          .line("mails before their due instant %d", early.size());
      figures.write(LOG);

      assertThat(whileDown).as("requests while the database was down").allSatisfy(probe -> {
        assertThat(probe.status()).as("%s", probe).isEqualTo(503);
        assertThat(probe.retryAfter()).as("Retry-After of %s", probe).isEqualTo("5");
        assertThat(probe.contentType()).as("%s", probe).isEqualTo("application/problem+json");
        assertThat(probe.body()).as("%s", probe).contains("\"title\":\"Database unavailable\"",
            "\"status\":503", "\"retryable\":true");
        assertThat(probe.took()).as("%s", probe).isLessThan(Duration.ofSeconds(8));
      });
      assertThat(answers.keySet()).as("statuses of the intake requests (-1: no answer) %s", answers)
          .isSubsetOf(201, 503, -1);
      assertThat(acknowledged).as("tickets acknowledged").hasSizeGreaterThanOrEqualTo(140);
      assertThat(missingTickets).as("tickets answered 201 and missing after kill -9").isEmpty();
      assertThat(meantime).as("escalations due while the node was down").hasSizeGreaterThanOrEqualTo(50);
      assertThat(missing).as("escalations never sent").isEmpty();
      assertThat(lateAfterRestart).as("escalations due in the meantime sent later than %s after the restart", BOUND)
          .isEmpty();
      assertThat(heldUp).as("escalations due after the restart sent more than %s late", BOUND).isEmpty();
      assertThat(early).as("escalations sent before their due instant").isEmpty();
      assertThat(repeated).as("mails sent twice other than across the kill or the database's restart")
          .allMatch(a -> repeatedByTheKill.contains(a) || repeatedByTheDatabase.contains(a));
    } finally {
      for (AutoCloseable closeable : running) {
        closeable.close();
      }
      postgres.close();
      mail.stop();
      ShortTargetModels.delete(models);
      ShortTargetModels.delete(folder);
    }
  }

  /** One request to a node, and its answer. */
  record Probe(String request, int status, String retryAfter, String contentType, String body, Duration took) {

    static Probe send(ServiceNode node, String method, String path, String authorization, String json)
        throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path)))
          .timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      long started = System.nanoTime();
      HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Probe(method + " " + path, answer.statusCode(),
          answer.headers().firstValue("Retry-After").orElse(null),
          answer.headers().firstValue("Content-Type").orElse(null), answer.body(),
          Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String toString() {
      return "%s answered %d in %d ms (Retry-After %s, %s) %s".formatted(request, status, took.toMillis(), retryAfter,
          contentType, body.length() > 300 ? body.substring(0, 300) : body);
    }
  }

  /** The first ticket started after {@code since} and answered 201: when it was started. */
  static Instant awaitAcknowledgedStartedAfter(TicketLoad load, Instant since, Duration within) {
    Duration left = Duration.between(Instant.now(), since.plus(within));
    return Awaitility.await("a ticket acknowledged within " + within + " of the database's restart")
        .atMost(left.isNegative() ? Duration.ZERO : left).pollInterval(Duration.ofMillis(100))
        .until(() -> load.acknowledged().stream().filter(a -> a.startedAt().isAfter(since)).findFirst()
            .map(first -> first.startedAt().plus(first.took())), java.util.Optional::isPresent)
        .orElseThrow();
  }

  static void awaitAcknowledged(TicketLoad load, int count, Duration within) {
    Awaitility.await(count + " tickets acknowledged within " + within).atMost(within)
        .pollInterval(Duration.ofMillis(100)).until(() -> load.acknowledged().size() >= count);
  }

  /** Until {@code count} tickets were tried since {@code since}, or {@code within} has passed (then on regardless). */
  static void awaitAttemptsSince(TicketLoad load, Instant since, int count, Duration within) {
    Awaitility.await().atMost(within.plusSeconds(1)).pollInterval(Duration.ofMillis(100))
        .until(() -> load.attemptsSince(since) >= count || Instant.now().isAfter(since.plus(within)));
  }

  /** Until every expected rung has a mail, or the deadline. */
  static void awaitAll(GreenMail mail, List<EscalationLedger.Rung> expected, Instant deadline) {
    while (Instant.now().isBefore(deadline)) {
      Map<String, EscalationLedger.Arrival> arrivals = EscalationLedger.escalations(mail);
      if (expected.stream().allMatch(rung -> arrivals.containsKey(rung.key()))) {
        return;
      }
      mail.waitForIncomingEmail(Math.max(1, Math.min(2000, Duration.between(Instant.now(), deadline).toMillis())),
          mail.getReceivedMessages().length + 1);
    }
  }

  static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
