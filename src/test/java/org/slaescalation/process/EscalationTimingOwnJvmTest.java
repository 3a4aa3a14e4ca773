package org.slaescalation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.process.EscalationTiming.INTERNAL_PERCENT;
import static org.slaescalation.process.EscalationTiming.UNTOUCHED_TICKET_RUNGS;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ladder.Ladder;
import org.slaescalation.support.ShortTargetModels;
import org.slaescalation.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs in a JVM of its own (see pom.xml), in real time: the application with its real job executor and the job
 * executor settings of application.yaml, a real SMTP server, and an SLA of seconds on the 24x7 calendar. A ticket
 * that nobody touches climbs its whole ladder; every escalation mail arrives after its rung's due instant and at
 * most {@link #TOLERANCE} later. Its budgets are half the benchmark's, so that the suite waits 40 s and not 80 s;
 * the rungs stay at least 2 s apart. The tolerance is what a loaded 2-core CI machine never exceeds; the 2 s goal is
 * shown by {@link EscalationLagBenchmark} (docs/benchmarks.md). The measured lags go to the log and to
 * {@code target/escalation-lag.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "camunda.bpm.job-execution.enabled=true", "escalation.demo.sample-tickets=false",
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"})
class EscalationTimingOwnJvmTest {

  static final Duration TOLERANCE = Duration.ofSeconds(5);
  static final Duration FIRST_RESPONSE = Duration.ofSeconds(20);
  static final Duration RESOLUTION = Duration.ofSeconds(40);
  /** The P1 OLA of each team: support + engineering + sysadmin (30 s) fits in the resolution target. */
  static final Duration OLA = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(EscalationTimingOwnJvmTest.class);
  private static final Path MODELS = ShortTargetModels.copy(FIRST_RESPONSE, RESOLUTION, OLA, INTERNAL_PERCENT);
  private static final GreenMail MAIL = EscalationTiming.startMailServer();

  @DynamicPropertySource
  static void application(DynamicPropertyRegistry registry) {
    EscalationTiming.register(registry, MODELS, MAIL, "escalation-timing");
  }

  @AfterAll
  static void stopMailServer() throws Exception {
    MAIL.stop();
    EscalationTiming.delete(MODELS);
  }

  @Autowired TicketService tickets;
  @Autowired ClockStints clocks;
  @Autowired Ladder ladder;

  @Test
  void everyEscalationOfAnUntouchedTicketArrivesPromptlyAfterItsDueInstant() throws Exception {
    TicketService.OpenedTicket ticket = tickets.open(EscalationTiming.enterpriseIncident("Checkout fails"));

    EscalationTiming.awaitEscalations(MAIL, UNTOUCHED_TICKET_RUNGS.size(),
        ticket.createdAt().plus(RESOLUTION).plus(TOLERANCE).plusSeconds(20));

    Map<String, EscalationTiming.Arrival> arrivals = EscalationTiming.arrivals(MAIL);
    List<EscalationTiming.Measurement> measurements = EscalationTiming.measure(clocks, ladder, ticket.id(), arrivals);
    String report = EscalationTiming.report("Escalation lag, one untouched enterprise P1 incident (first response "
        + FIRST_RESPONSE + ", resolution " + RESOLUTION + " on 24x7), lag = stored at the SMTP server - due", measurements);
    LOG.info("\n{}", report);
    EscalationTiming.write("escalation-lag.txt", report);

    assertThat(measurements).extracting(EscalationTiming.Measurement::rung)
        .containsExactlyInAnyOrderElementsOf(UNTOUCHED_TICKET_RUNGS);
    assertThat(arrivals.values()).as("escalation mails, one per rung")
        .extracting(EscalationTiming.Arrival::rung).containsExactlyInAnyOrderElementsOf(UNTOUCHED_TICKET_RUNGS);
    assertThat(arrivals.values()).as("each mail sent once (one copy per recipient)")
        .allSatisfy(arrival -> assertThat(arrival.copies()).isEqualTo(arrival.recipients()));
    for (EscalationTiming.Measurement m : measurements) {
      if (m.rung().startsWith("first-response/") || m.rung().startsWith("resolution/")) {
        Duration budget = m.rung().startsWith("first-response/") ? FIRST_RESPONSE : RESOLUTION;
        int percent = Integer.parseInt(m.rung().substring(m.rung().indexOf('/') + 1).replace("-internal", ""));
        assertThat(m.due()).as("%s is due at %d %% of %s after intake on 24x7", m.rung(), percent, budget)
            .isEqualTo(ticket.createdAt().plus(budget.multipliedBy(percent).dividedBy(100)));
      }
      assertThat(m.arrival().firstStored()).as("%s arrives after its due instant", m.rung()).isAfterOrEqualTo(m.due());
      assertThat(m.lag()).as("%s arrives within %s of its due instant", m.rung(), TOLERANCE)
          .isLessThanOrEqualTo(TOLERANCE);
    }
  }
}
