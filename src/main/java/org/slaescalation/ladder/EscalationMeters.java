package org.slaescalation.ladder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slaescalation.clock.ClockName;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.Coded;
import org.slaescalation.ticket.Tier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the ladder does, counted on the node that does it (docs/operations.md, "Monitoring"):
 *
 * <ul>
 *   <li>{@code escalation.breaches{clock, tier}}: clock stints breached, by clock and by the ticket's tier at the
 *       breach;
 *   <li>{@code escalation.sent{clock, rung}}: escalations delivered, one per rung a sent mail carries (the rung is the
 *       escalation's level: internal, warning, critical, breach);
 *   <li>{@code escalation.lag}: per mail sent, how long after it was due it went (sent minus due; for a mail held
 *       while its recipients' calendar was closed, minus the opening it waited for), as a histogram.
 * </ul>
 *
 * <p>Events, not states: a count read from the tables at each scrape would grow with the whole history, so these are
 * counters and a timer in memory, and a node counts what it did since it started (Prometheus's {@code rate} and
 * {@code increase} see a restart as a counter reset). Each is counted when its transaction commits: a transaction
 * rolled back and retried counts once. Every series that can occur is registered at zero at start-up, so that a
 * rate or an alert has a series before the first breach.
 */
@Component
public class EscalationMeters {

  /** The lag histogram's buckets that an SLO or an alert names (the 2 s goal, a minute, five). */
  static final List<Duration> LAG_OBJECTIVES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
      Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5));

  /** The tier tag of a ticket whose tier is not one of {@link Tier}'s. */
  static final String UNKNOWN_TIER = "unknown";

  private final MeterRegistry registry;
  private final Timer lag;

  public EscalationMeters(MeterRegistry registry) {
    this.registry = registry;
    this.lag = Timer.builder("escalation.lag")
        .description("How long after its due instant an escalation mail was sent")
        .publishPercentileHistogram()
        .serviceLevelObjectives(LAG_OBJECTIVES.toArray(Duration[]::new))
        .minimumExpectedValue(Duration.ofMillis(100))
        .maximumExpectedValue(Duration.ofHours(1))
        .register(registry);
    for (ClockName clock : clocks()) {
      for (Tier tier : Tier.values()) {
        breaches(clock.value(), tier.code());
      }
      for (Rung rung : Rung.values()) {
        // An OLA's ladder has a warning and the breach only (Ladder.percent).
        if (!clock.isOla() || rung == Rung.WARNING || rung == Rung.BREACH) {
          sent(clock.value(), rung.code());
        }
      }
    }
  }

  /** Every clock a ticket has: the two SLA clocks and each team's OLA. */
  static List<ClockName> clocks() {
    List<ClockName> clocks = new ArrayList<>(List.of(ClockName.FIRST_RESPONSE, ClockName.RESOLUTION));
    for (Team team : Team.values()) {
      clocks.add(ClockName.ola(team.code()));
    }
    return clocks;
  }

  /** A stint of {@code clock} of a ticket of tier {@code tier} was breached in the current transaction. */
  public void breached(ClockName clock, String tier) {
    String tag = Coded.fromCode(Tier.class, tier).map(Tier::code).orElse(UNKNOWN_TIER);
    afterCommit(() -> breaches(clock.value(), tag).increment());
  }

  /** Mail {@code entry} of the outbox was delivered at {@code sentAt} and is marked sent in this transaction. */
  void sent(EscalationOutbox.Entry entry, Instant sentAt) {
    Instant due = entry.holdUntil() != null && entry.holdUntil().isAfter(entry.dueAt()) ? entry.holdUntil()
        : entry.dueAt();
    Duration late = due.isAfter(sentAt) ? Duration.ZERO : Duration.between(due, sentAt);
    afterCommit(() -> {
      lag.record(late);
      entry.rungs().forEach(rung -> sent(rung.clock(), rung.rung()).increment());
    });
  }

  private Counter breaches(String clock, String tier) {
    return Counter.builder("escalation.breaches").tag("clock", clock).tag("tier", tier)
        .description("Clock stints breached, by clock and the ticket's tier").register(registry);
  }

  private Counter sent(String clock, String rung) {
    return Counter.builder("escalation.sent").tag("clock", clock).tag("rung", rung)
        .description("Escalations delivered, by clock and rung (level)").register(registry);
  }

  private static void afterCommit(Runnable count) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      count.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        count.run();
      }
    });
  }
}
