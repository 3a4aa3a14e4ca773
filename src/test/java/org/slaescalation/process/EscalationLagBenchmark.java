package org.slaescalation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.process.EscalationTiming.RESOLUTION;
import static org.slaescalation.process.EscalationTiming.UNTOUCHED_TICKET_RUNGS;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ladder.Ladder;
import org.slaescalation.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark of the 2 s goal (not part of {@code mvn verify}: the name matches no test pattern). Like
 * {@link EscalationTimingOwnJvmTest}, but with {@code benchmark.tickets} untouched tickets (default 20) opened back
 * to back, so that their ladders fire in bursts, and the lag distribution as the result:
 *
 * <pre>
 * mvn -B -ntp test-compile surefire:test@own-jvm-tests -Dtest=EscalationLagBenchmark -Dbenchmark.tickets=20
 * </pre>
 *
 * <p>Per mail and in total in the log and in {@code target/escalation-lag-benchmark.txt}; results in
 * docs/benchmarks.md. It fails only when a mail is missing or arrives before its due instant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "camunda.bpm.job-execution.enabled=true", "escalation.demo.sample-tickets=false",
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"})
class EscalationLagBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationLagBenchmark.class);
  private static final Path MODELS = EscalationTiming.modelsWithShortTargets();
  private static final GreenMail MAIL = EscalationTiming.startMailServer();

  @DynamicPropertySource
  static void application(DynamicPropertyRegistry registry) {
    EscalationTiming.register(registry, MODELS, MAIL, "escalation-lag-benchmark");
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
  void lagOfEscalationMails() throws Exception {
    int count = Integer.getInteger("benchmark.tickets", 20);
    List<TicketService.OpenedTicket> opened = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      opened.add(tickets.open(EscalationTiming.enterpriseIncident("Checkout fails " + i)));
    }
    Instant lastOpened = opened.get(opened.size() - 1).createdAt();

    EscalationTiming.awaitEscalations(MAIL, count * UNTOUCHED_TICKET_RUNGS.size(),
        lastOpened.plus(RESOLUTION).plus(Duration.ofSeconds(60)));

    Map<String, EscalationTiming.Arrival> arrivals = EscalationTiming.arrivals(MAIL);
    List<EscalationTiming.Measurement> measurements = new ArrayList<>();
    for (TicketService.OpenedTicket ticket : opened) {
      measurements.addAll(EscalationTiming.measure(clocks, ladder, ticket.id(), arrivals));
    }
    measurements.sort((a, b) -> a.due().compareTo(b.due()));
    String report = EscalationTiming.report("Escalation lag benchmark: " + count + " untouched enterprise P1 "
        + "incidents opened back to back within " + Duration.between(opened.get(0).createdAt(), lastOpened).toMillis()
        + " ms, " + Runtime.getRuntime().availableProcessors() + " processors", measurements);
    LOG.info("\n{}", report);
    EscalationTiming.write("escalation-lag-benchmark.txt", report);

    assertThat(measurements).hasSize(count * UNTOUCHED_TICKET_RUNGS.size())
        .allSatisfy(m -> assertThat(m.arrival()).as("mail for %s %s", m.ticketId(), m.rung()).isNotNull())
        .allSatisfy(m -> assertThat(m.arrival().firstStored()).isAfterOrEqualTo(m.due()));
  }
}
