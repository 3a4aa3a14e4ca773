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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.EscalationLedger;
import org.slaescalation.support.EscalationLedger.Delivery;
import org.slaescalation.support.FaultSetup;
import org.slaescalation.support.Figures;
import org.slaescalation.support.ServiceNode;
import org.slaescalation.support.ShortTargetModels;
import org.slaescalation.support.SmtpFault;
import org.slaescalation.support.TicketLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A mail server that fails for minutes, on a real PostgreSQL server with the node in a JVM of its own: first it
 * accepts connections and never answers ({@link #SILENT}), then it refuses them ({@link #DOWN}); then it is back on
 * the same port. Tickets keep arriving throughout, a third of them enterprise P1 incidents whose ladders (ten
 * rungs) run in seconds. Mail retries are short ({@link #RETRIES}), so that the mails of the outage's first part
 * exhaust them. It shows:
 * <ul>
 *   <li>intake ({@code POST /api/tickets}) and Tasklist (the support queue's filter list and the task query, as
 *       {@code sam}) answer within {@link #ANSWER_BOUND} throughout the outage;</li>
 *   <li>a mail whose retries ran out during the outage is an incident, and an operator retries it through
 *       {@code /engine-rest} as Cockpit does ({@code PUT /job/{id}/retries});</li>
 *   <li>after the recovery and the operator's retry every mail goes out (each ticket's acknowledgement and every
 *       escalation rung due so far), none is lost and none goes twice: each Message-ID reaches each recipient once
 *       (the server never accepted a mail it did not store, so no repeat is allowed).</li>
 * </ul>
 * The outage lasts {@code fault.smtp.silent} + {@code fault.smtp.down} (system properties, default 45 s each to
 * keep {@code mvn verify} short; the "several minutes" is e.g. {@code -Dfault.smtp.silent=PT2M
 * -Dfault.smtp.down=PT2M}). Figures go to the log and {@code target/fault-tests/}.
 */
class SmtpOutageOwnJvmTest {

  static final Duration FIRST_RESPONSE = Duration.ofSeconds(20);
  static final Duration RESOLUTION = Duration.ofSeconds(40);
  static final Duration OLA = Duration.ofSeconds(10);
  static final Duration SILENT = Duration.parse(System.getProperty("fault.smtp.silent", "PT45S"));
  static final Duration DOWN = Duration.parse(System.getProperty("fault.smtp.down", "PT45S"));
  /** Three tries: an incident about 30-50 s after a mail's first failure. */
  static final String RETRIES = "PT10S,PT20S";
  static final Duration ANSWER_BOUND = Duration.ofSeconds(1);
  /** After the recovery (and the operator's retry), every mail out within this. */
  static final Duration DELIVERY_BOUND = Duration.ofSeconds(90);

  private static final Logger LOG = LoggerFactory.getLogger(SmtpOutageOwnJvmTest.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String ADMIN = TicketLoad.basic("demo", "demo");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  /** One Tasklist request during the outage. */
  record Answer(String what, Instant at, SmtpFault.Mode mode, long millis, int status) {}

  @Test
  void intakeAndTasklistKeepAnsweringAndEveryMailGoesOutOnceAfterTheOutage() throws Exception {
    Path folder = Files.createTempDirectory("smtp-outage");
    Path models = ShortTargetModels.copy(FIRST_RESPONSE, RESOLUTION, OLA, 60);
    int databasePort = ServiceNode.freePort();
    GreenMail mail = new GreenMail(new ServerSetup(ServiceNode.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    SmtpFault smtp = SmtpFault.inFrontOf("127.0.0.1", mail.getSmtp().getPort());
    Figures figures = new Figures("smtp-outage");
    List<AutoCloseable> running = new ArrayList<>();
    AtomicBoolean watching = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Answer> tasklist = new ConcurrentLinkedQueue<>();
    EmbeddedPostgres postgres = FaultSetup.postgres(folder.resolve("pg"), databasePort);
    try {
      JdbcClient jdbc = FaultSetup.jdbc(databasePort);
      ServiceNode node = ServiceNode.start(folder, "a", ServiceNode.freePort(), FaultSetup.nodeArguments(
          databasePort, models, smtp.port(), "--escalation.mail.retry.intervals=" + RETRIES));
      running.add(node);
      node.awaitUp(TicketLoad.CRM, Duration.ofMinutes(3));
      // sam may not call /engine-rest (Tasklist reaches it through its session); the administrator demo, a member of
      // the team queues, asks what Tasklist asks.
      String filterId = firstMatch(get(node, "/engine-rest/filter?resourceType=Task", ADMIN).body());
      // An agent's Tasklist refreshing every 500 ms.
      java.util.concurrent.ScheduledExecutorService watcher =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
      watcher.scheduleWithFixedDelay(() -> {
        if (!watching.get()) {
          return;
        }
        for (String path : List.of("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
            "/engine-rest/task?candidateGroup=support&firstResult=0&maxResults=15")) {
          long t0 = System.nanoTime();
          SmtpFault.Mode mode = smtp.mode();
          int status;
          try {
            status = get(node, path, ADMIN).statusCode();
          } catch (Exception e) {
            status = -1;
          }
          tasklist.add(new Answer(path.contains("/filter/") ? "filter list" : "task query", Instant.now(), mode,
              (System.nanoTime() - t0) / 1_000_000, status));
        }
      }, 0, 500, java.util.concurrent.TimeUnit.MILLISECONDS);

      // Tickets at 2 a second for the whole outage, one in three with a ladder of seconds.
      TicketLoad load = TicketLoad.start(List.of(node.url("")), 2, Integer.MAX_VALUE, 2, i -> i % 3 == 1);
      running.add(load);
      Instant silentAt = Instant.now();
      smtp.silent();
      // The silent phase lasts SILENT and must have held mail jobs in hung sends; the down phase lasts DOWN.
      Awaitility.await("mail jobs hanging on the silent server").atMost(SILENT.plusMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> smtp.acceptedWhileSilent() > 0 && !Instant.now().isBefore(silentAt.plus(SILENT)));
      Instant downAt = Instant.now();
      smtp.down();
      Awaitility.await().atMost(DOWN.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
          .until(() -> !Instant.now().isBefore(downAt.plus(DOWN)));
      Instant upAt = Instant.now();
      smtp.up();
      load.stop();
      watching.set(false);
      watcher.shutdown();
      watcher.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
      List<TicketLoad.Attempt> attempts = load.attempts();
      List<TicketLoad.Attempt> duringOutage = attempts.stream().filter(a -> !a.startedAt().isBefore(silentAt)
          && a.startedAt().isBefore(upAt)).toList();
      List<Answer> tasklistDuringOutage = tasklist.stream().filter(a -> a.mode() != SmtpFault.Mode.UP).toList();

      // The operator: once the mail server is back, retry every failed job, as Cockpit's incident retry does.
      List<String> incidents = jdbc.sql("select configuration_ from act_ru_incident where incident_type_ = "
          + "'failedJob'").query(String.class).list();
      int retried = 0;
      for (String jobId : incidents) {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/engine-rest/job/"
                + jobId + "/retries"))).header("Authorization", ADMIN).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"retries\": 1}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("operator's retry of job %s: %s", jobId, answer.body()).isEqualTo(204);
        retried++;
      }
      Instant retriedAt = Instant.now();

      List<EscalationLedger.Rung> expected = EscalationLedger.expected(jdbc, RESOLUTION, Instant.MAX);
      List<String> tickets = jdbc.sql("select 'T-' || number from ticket order by number").query(String.class).list();
      Instant lastDue = expected.isEmpty() ? upAt : expected.get(expected.size() - 1).due();
      Instant deadline = NodeKilledUnderLoadOwnJvmTest.later(retriedAt, lastDue).plus(DELIVERY_BOUND);
      while (Instant.now().isBefore(deadline)) {
        Map<String, EscalationLedger.Arrival> escalations = EscalationLedger.escalations(mail);
        Map<String, EscalationLedger.Arrival> acks = EscalationLedger.acknowledgements(mail);
        if (expected.stream().allMatch(r -> escalations.containsKey(r.key())) && acks.keySet().containsAll(tickets)) {
          break;
        }
        mail.waitForIncomingEmail(2000, mail.getReceivedMessages().length + 1);
      }
      Instant doneAt = Instant.now();
      long incidentsLeft = jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single();

      Map<String, EscalationLedger.Arrival> escalations = EscalationLedger.escalations(mail);
      Map<String, EscalationLedger.Arrival> acks = EscalationLedger.acknowledgements(mail);
      List<Delivery> deliveries = EscalationLedger.deliveries(expected, escalations);
      List<Delivery> missing = deliveries.stream().filter(d -> d.arrival() == null).toList();
      List<String> missingAcks = tickets.stream().filter(t -> !acks.containsKey(t)).toList();
      List<EscalationLedger.Arrival> repeated = new ArrayList<>(escalations.values().stream().distinct()
          .filter(EscalationLedger.Arrival::repeated).toList());
      acks.values().stream().filter(EscalationLedger.Arrival::repeated).forEach(repeated::add);
      List<TicketLoad.Attempt> slowIntake = duringOutage.stream().filter(a -> !a.acknowledged()
          || a.took().compareTo(ANSWER_BOUND) > 0).toList();
      List<Answer> slowTasklist = tasklistDuringOutage.stream().filter(a -> a.status() != 200
          || a.millis() > ANSWER_BOUND.toMillis()).toList();

      figures.line("outage: silent %s, then down %s; retries %s", SILENT, DOWN, RETRIES)
          .line("tickets during the outage: %s", TicketLoad.summary(duringOutage))
          .line("tickets after it: %s", TicketLoad.summary(attempts.stream()
              .filter(a -> !a.startedAt().isBefore(upAt)).toList()))
          .line("intake slower than %s or not 201 during the outage: %d", ANSWER_BOUND, slowIntake.size());
      for (SmtpFault.Mode mode : List.of(SmtpFault.Mode.SILENT, SmtpFault.Mode.DOWN)) {
        for (String what : List.of("filter list", "task query")) {
          figures.line("Tasklist %s while %s: ms %s", what, mode, Figures.distribution(tasklistDuringOutage.stream()
              .filter(a -> a.mode() == mode && a.what().equals(what)).map(Answer::millis).toList()));
        }
      }
      figures.line("Tasklist answers slower than %s or not 200 during the outage: %d", ANSWER_BOUND,
              slowTasklist.size())
          .line("connections to the silent server %d", smtp.acceptedWhileSilent())
          .line("incidents at the recovery %d, retried by the operator %d, incidents left %d", incidents.size(),
              retried, incidentsLeft)
          .line("tickets %d, acknowledgements received %d, missing %d", tickets.size(), acks.size(), missingAcks.size())
          .line("escalation rungs due %d, arrived %d, missing %d; all in %d s after the recovery", deliveries.size(),
              deliveries.size() - missing.size(), missing.size(), Duration.between(upAt, doneAt).toSeconds())
          .line("ms from the recovery to arrival, rungs due during the outage: %s",
              Figures.distribution(deliveries.stream().filter(d -> d.arrival() != null
                  && d.rung().due().isBefore(upAt)).map(d -> Duration.between(upAt, d.arrival().complete())
                  .toMillis()).toList()))
          .line("mails sent twice %d", repeated.size());
      figures.write(LOG);

      assertThat(duringOutage).as("tickets during the outage").hasSizeGreaterThanOrEqualTo(50);
      assertThat(slowIntake).as("intake answers during the outage slower than %s or not 201", ANSWER_BOUND)
          .isEmpty();
      assertThat(tasklistDuringOutage).as("Tasklist requests during the outage").hasSizeGreaterThan(20);
      assertThat(slowTasklist).as("Tasklist answers during the outage slower than %s or not 200", ANSWER_BOUND)
          .isEmpty();
      assertThat(incidents).as("mails whose retries ran out during the outage, as incidents").isNotEmpty();
      assertThat(incidentsLeft).as("incidents left after the operator's retry").isZero();
      assertThat(missingAcks).as("acknowledgements never sent").isEmpty();
      assertThat(missing).as("escalations never sent").isEmpty();
      assertThat(repeated).as("mails sent twice").isEmpty();
    } finally {
      watching.set(false);
      for (AutoCloseable closeable : running) {
        closeable.close();
      }
      postgres.close();
      smtp.close();
      mail.stop();
      ShortTargetModels.delete(models);
      ShortTargetModels.delete(folder);
    }
  }

  private static HttpResponse<String> get(ServiceNode node, String path, String authorization) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String firstMatch(String json) {
    Matcher id = ID.matcher(json);
    if (!id.find()) {
      throw new AssertionError("sam sees no Tasklist filter: " + json);
    }
    return id.group(1);
  }

  /** The outage's phases last as long as they last: real time is what this test is about. */
}
