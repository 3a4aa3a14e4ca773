package org.slaescalation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.slaescalation.support.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one PostgreSQL database, each a JVM of its own; one of them is killed with kill -9 while it holds
 * due timers, and the survivor sends their escalations within {@link #BOUND} of their due instants (the issue's
 * bound).
 *
 * <p>Both nodes are started at the same moment on the empty database (the cluster's first start, or a restart of
 * every node after an upgrade): both come up, and what start-up creates (Camunda's schema, the service's tables, the
 * model deployment, the team groups and Tasklist filters, the roles' grants, the demo users) exists once. Sessions
 * are in the database: a login on one node is a login on the other (no sticky sessions needed).
 *
 * <p>To make "while it holds due timers" certain rather than lucky, node A's mail server accepts connections and
 * never answers ({@link SmtpFault#silent()}): its job threads hang in sends, so the jobs it acquires stay locked
 * by it. Node B sends to a working SMTP server. Tickets with clocks of seconds arrive through B; as soon as A holds
 * the lock of a timer that is due, A is killed. The test fails when A held none (it would prove nothing). The
 * jobs A held stay locked until their lock expires ({@code camunda.bpm.job-execution.lock-time-in-millis}, 5 minutes
 * by default): B must get them well before. Every rung of every ticket, and those of A's timers in particular, must
 * arrive within {@link #BOUND} of its due instant, and once (A never got a mail through, so nothing may repeat).
 * {@code -Dfault.observe=PT6M} keeps watching after the bound to measure how late the held escalations really are.
 */
class DeadNodeTimersOwnJvmTest {

  static final Duration FIRST_RESPONSE = Duration.ofSeconds(20);
  static final Duration RESOLUTION = Duration.ofSeconds(40);
  static final Duration OLA = Duration.ofSeconds(10);
  static final Duration BOUND = Duration.ofSeconds(60);
  static final Duration OBSERVE = Duration.parse(System.getProperty("fault.observe", "PT0S"));

  private static final Logger LOG = LoggerFactory.getLogger(DeadNodeTimersOwnJvmTest.class);

  /** A job the killed node held: what it is, for which ticket, due when. */
  record HeldJob(String id, String type, String ticketId, Instant due) {}

  @Test
  void theSurvivorSendsTheEscalationsOfTheDeadNodesTimersWithin60sOfTheirDueInstant() throws Exception {
    Path folder = Files.createTempDirectory("dead-node");
    Path models = ShortTargetModels.copy(FIRST_RESPONSE, RESOLUTION, OLA, 60);
    int databasePort = ServiceNode.freePort();
    GreenMail mail = new GreenMail(new ServerSetup(ServiceNode.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    SmtpFault silent = SmtpFault.inFrontOf("127.0.0.1", mail.getSmtp().getPort());
    silent.silent();
    Figures figures = new Figures("dead-node-timers");
    List<AutoCloseable> running = new ArrayList<>();
    EmbeddedPostgres postgres = FaultSetup.postgres(folder.resolve("pg"), databasePort);
    try {
      JdbcClient jdbc = FaultSetup.jdbc(databasePort);
      // Failed sends (A's, after the 10 s SMTP time-out) come back 5 s later, for either node to take.
      String retries = "--escalation.mail.retry.intervals=" + String.join(",", java.util.Collections.nCopies(20,
          "PT5S"));
      String[] aArguments = FaultSetup.nodeArguments(databasePort, models, silent.port(), retries);
      String[] bArguments = FaultSetup.nodeArguments(databasePort, models, mail.getSmtp().getPort(), retries);
      Instant startedAt = Instant.now();
      ServiceNode a = ServiceNode.start(folder, "a", ServiceNode.freePort(), aArguments);
      running.add(a);
      ServiceNode b = ServiceNode.start(folder, "b", ServiceNode.freePort(), bArguments);
      running.add(b);
      a.awaitUp(TicketLoad.CRM, Duration.ofMinutes(3));
      b.awaitUp(TicketLoad.CRM, Duration.ofMinutes(3));
      figures.line("both nodes up after %d s", Duration.between(startedAt, Instant.now()).toSeconds());
      startUpCreatedEverythingOnce(jdbc);
      aLoginOnOneNodeIsALoginOnTheOther(a, b);

      String ownerOfA = lockOwnerOf(a, jdbc);
      TicketLoad load = TicketLoad.start(List.of(b.url("")), 4, 40, 8, i -> true);
      running.add(load);
      Awaitility.await("node A holds a due timer (otherwise the test proves nothing)").atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(50)).until(() -> heldDueTimers(jdbc, ownerOfA) > 0);
      a.kill();
      Instant killedAt = Instant.now();
      List<HeldJob> held = heldJobs(jdbc, ownerOfA);
      Instant lockExpiry = jdbc.sql("select max(lock_exp_time_) from act_ru_job where lock_owner_ = :owner")
          .param("owner", ownerOfA).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant)
          .orElse(null);
      load.awaitDone(Duration.ofMinutes(1));

      List<EscalationLedger.Rung> expected = EscalationLedger.expected(jdbc, RESOLUTION, Instant.MAX);
      Instant lastDue = expected.get(expected.size() - 1).due();
      NodeKilledUnderLoadOwnJvmTest.awaitAll(mail, expected, lastDue.plus(BOUND).plusSeconds(5));
      List<Delivery> deliveries = EscalationLedger.deliveries(expected, EscalationLedger.escalations(mail));
      List<Delivery> lateOrMissing = deliveries.stream().filter(d -> d.arrival() == null
          || d.lateness().compareTo(BOUND) > 0).toList();
      if (!lateOrMissing.isEmpty() && !OBSERVE.isZero()) {
        NodeKilledUnderLoadOwnJvmTest.awaitAll(mail, expected, Instant.now().plus(OBSERVE));
        deliveries = EscalationLedger.deliveries(expected, EscalationLedger.escalations(mail));
      }
      Set<String> heldTickets = held.stream().filter(j -> j.type().equals("timer")).map(HeldJob::ticketId)
          .collect(Collectors.toSet());
      // The held timers' rungs: those of their tickets due by the time A died and not sent before.
      List<Delivery> ofHeldTimers = deliveries.stream().filter(d -> heldTickets.contains(d.rung().ticketId())
          && !d.rung().due().isAfter(killedAt) && (d.arrival() == null || d.arrival().first().isAfter(killedAt)))
          .toList();
      List<Delivery> missing = deliveries.stream().filter(d -> d.arrival() == null).toList();
      List<Delivery> late = deliveries.stream().filter(d -> d.arrival() != null && d.lateness().compareTo(BOUND) > 0)
          .toList();
      List<EscalationLedger.Arrival> repeated = EscalationLedger.escalations(mail).values().stream().distinct()
          .filter(EscalationLedger.Arrival::repeated).toList();

      figures.line("tickets: %s", TicketLoad.summary(load.attempts()))
          .line("node A killed at %s holding %d jobs (%d due timers), their locks expiring at %s", killedAt,
              held.size(), held.stream().filter(j -> j.type().equals("timer") && !j.due().isAfter(killedAt)).count(),
              lockExpiry)
          .line("held jobs: %s", held)
          .line("rungs due %d, arrived %d, missing %d, later than %s %d", deliveries.size(),
              deliveries.size() - missing.size(), missing.size(), BOUND, late.size())
          .line("all rungs, lateness ms: %s", Figures.distribution(EscalationLedger.latenessMillis(deliveries)))
          .line("rungs of the held timers %d, lateness ms: %s; missing %d", ofHeldTimers.size(),
              Figures.distribution(EscalationLedger.latenessMillis(ofHeldTimers)),
              ofHeldTimers.stream().filter(d -> d.arrival() == null).count())
          .line("mails sent twice %d; connections to A's silent SMTP server %d", repeated.size(),
              silent.acceptedWhileSilent());
      figures.write(LOG);

      assertThat(held).as("due timers node A held when it was killed")
          .anyMatch(j -> j.type().equals("timer") && !j.due().isAfter(killedAt));
      assertThat(ofHeldTimers).as("escalations of the timers the dead node held").isNotEmpty();
      assertThat(ofHeldTimers).as("escalations of the dead node's timers, sent by the survivor within %s", BOUND)
          .allSatisfy(d -> assertThat(d.arrival()).as("%s", d.rung()).isNotNull()
              .satisfies(arrival -> assertThat(d.lateness()).isLessThanOrEqualTo(BOUND)));
      assertThat(missing).as("escalations never sent").isEmpty();
      assertThat(late).as("escalations sent more than %s late", BOUND).isEmpty();
      assertThat(repeated).as("mails sent twice").isEmpty();
    } finally {
      for (AutoCloseable closeable : running) {
        closeable.close();
      }
      postgres.close();
      silent.close();
      mail.stop();
      ShortTargetModels.delete(models);
      ShortTargetModels.delete(folder);
    }
  }

  private static void startUpCreatedEverythingOnce(JdbcClient jdbc) {
    assertThat(jdbc.sql("select count(*) from act_re_deployment").query(Integer.class).single())
        .as("model deployments").isOne();
    assertThat(jdbc.sql("select name_ from act_ru_filter order by name_").query(String.class).list())
        .doesNotHaveDuplicates().isNotEmpty();
    assertThat(jdbc.sql("select id_ from act_id_group order by id_").query(String.class).list())
        .doesNotHaveDuplicates().contains("support", "engineering", "sysadmin");
    assertThat(jdbc.sql("select id_ from act_id_user order by id_").query(String.class).list())
        .doesNotHaveDuplicates().contains("demo", "sam", "crm");
    assertThat(jdbc.sql("""
            select count(*) from (select type_, group_id_, user_id_, resource_type_, resource_id_, count(*)
              from act_ru_authorization group by type_, group_id_, user_id_, resource_type_, resource_id_
              having count(*) > 1) duplicates""").query(Integer.class).single())
        .as("no grant twice").isZero();
  }

  /** Behind a load balancer without sticky sessions: a Cockpit login on node A is a login on node B. */
  private static void aLoginOnOneNodeIsALoginOnTheOther(ServiceNode a, ServiceNode b) {
    WebSession browser = WebSession.webapps(a.port(), "demo", "demo", "cockpit");
    assertThat(browser.loginStatus()).as("Cockpit login on node A").isEqualTo(200);
    WebSession.Response onOtherNode = browser.onPort(b.port()).get("/camunda/api/admin/auth/user/default");
    assertThat(onOtherNode.status()).as(onOtherNode.body()).isEqualTo(200);
    assertThat(onOtherNode.json()).containsEntry("userId", "demo");
    WebSession.Response deployments = browser.onPort(b.port())
        .get("/camunda/api/engine/engine/default/deployment/count");
    assertThat(deployments.status()).as(deployments.body()).isEqualTo(200);
    assertThat(WebSession.anonymous(b.port()).get("/camunda/api/admin/auth/user/default").status())
        .as("without the cookie").isNotEqualTo(200);
  }

  /**
   * Node A's lock owner id: tickets with clocks of hours are opened through A until the acknowledgement job of one
   * stays locked for 2 s (A's sends hang; B would have sent it in milliseconds).
   */
  private static String lockOwnerOf(ServiceNode a, JdbcClient jdbc) throws Exception {
    TicketLoad probe = TicketLoad.start(List.of(a.url("")), 1, 1, 10, i -> false).awaitDone(Duration.ofSeconds(30));
    String ticketId = probe.acknowledged().get(0).ticketId();
    java.util.concurrent.atomic.AtomicReference<String> owner = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicReference<Instant> since = new java.util.concurrent.atomic.AtomicReference<>();
    Awaitility.await("node A holds a job for 2 s (is its mail server silent?)").atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50)).until(() -> {
          Optional<String> now = jdbc.sql("""
                  select j.lock_owner_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                  where e.business_key_ = :ticket and j.lock_owner_ is not null""").param("ticket", ticketId)
              .query(String.class).optional();
          if (now.isPresent() && now.get().equals(owner.get())) {
            return Duration.between(since.get(), Instant.now()).toMillis() >= 2000;
          }
          owner.set(now.orElse(null));
          since.set(Instant.now());
          return false;
        });
    return owner.get();
  }

  private static long heldDueTimers(JdbcClient jdbc, String owner) {
    return jdbc.sql("select count(*) from act_ru_job where lock_owner_ = :owner and type_ = 'timer' "
        + "and duedate_ <= now()").param("owner", owner).query(Long.class).single();
  }

  private static List<HeldJob> heldJobs(JdbcClient jdbc, String owner) {
    return jdbc.sql("""
            select j.id_, j.type_, e.business_key_, j.duedate_ from act_ru_job j
            left join act_ru_execution e on e.id_ = j.process_instance_id_
            where j.lock_owner_ = :owner order by j.duedate_""")
        .param("owner", owner)
        .query((rs, i) -> new HeldJob(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
        .list();
  }
}
