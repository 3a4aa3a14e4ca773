package org.slaescalation.ladder;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slaescalation.clock.ClockName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gauges to watch the ladder by (docs/operations.md, "Monitoring"), read from the outbox and the clock stints at
 * each scrape:
 *
 * <ul>
 *   <li>{@code escalation.mails.pending}: escalation mails recorded and not sent yet (held outside office hours
 *       included);
 *   <li>{@code escalation.mails.overdue.seconds}: how long the oldest mail that should have gone (due, and not held)
 *       has been waiting; 0 when none. Above a minute: the mail server or the job executor is not keeping up;
 *   <li>{@code escalation.clocks.open{clock, state}}: the open clock stints (not stopped) by clock
 *       ({@code first-response}, {@code resolution}, {@code ola-<team>}) and state: {@code running}, {@code paused},
 *       or {@code breached} (ran out and still open, counting on or paused).
 * </ul>
 *
 * <p>Each is one indexed query per scrape (migration V10): the open stints by clock and state in one grouped query
 * ({@link OncePerScrape}), the pending mails by {@code ix_escalation_mail_state}. The events of the ladder (breaches,
 * escalations sent, their lag) are counted where they happen, in {@link EscalationMeters}.
 */
@Component
class EscalationMetrics implements MeterBinder {

  /** The states of an open stint. */
  static final List<String> OPEN_STATES = List.of("running", "paused", "breached");

  /** The queries of the gauges, each answered by a range of one index (EscalationMetricsIndexTest). */
  static final String PENDING_MAILS = "select count(*) from escalation_mail where state = 'pending'";
  static final String OLDEST_OVERDUE = """
      select min(coalesce(hold_until, due_at)) from escalation_mail
       where state = 'pending' and coalesce(hold_until, due_at) <= :now""";
  static final String OPEN_CLOCKS =
      "select clock, state, count(*) from clock_stint where stopped_at is null group by clock, state";

  private record Series(String clock, String state) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final OncePerScrape<Series> openClocks;

  EscalationMetrics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.openClocks = new OncePerScrape<>(this::openClocks, clock);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("escalation.mails.pending", this, metrics -> metrics.pendingMails())
        .description("Escalation mails recorded and not sent yet").register(registry);
    Gauge.builder("escalation.mails.overdue", this, metrics -> metrics.oldestOverdue().toMillis() / 1000.0)
        .baseUnit("seconds").description("How long the oldest due escalation mail has been waiting to go")
        .register(registry);
    for (ClockName name : EscalationMeters.clocks()) {
      for (String state : OPEN_STATES) {
        Series series = new Series(name.value(), state);
        Gauge.builder("escalation.clocks.open", openClocks, clocks -> clocks.value(series))
            .tag("clock", series.clock()).tag("state", state)
            .description("Open clock stints: running, paused, or breached and not stopped").register(registry);
      }
    }
  }

  long pendingMails() {
    return jdbc.sql(PENDING_MAILS).query(Long.class).single();
  }

  Duration oldestOverdue() {
    Instant now = clock.instant();
    Timestamp oldest = jdbc.sql(OLDEST_OVERDUE).param("now", Timestamp.from(now)).query(Timestamp.class).optional()
        .orElse(null);
    return oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
  }

  /** The open stints by clock and state: one range of index {@code ix_clock_stint_open}. */
  private Map<Series, Long> openClocks() {
    Map<Series, Long> counts = new HashMap<>();
    jdbc.sql(OPEN_CLOCKS).query(rs -> {
      counts.put(new Series(rs.getString(1), rs.getString(2)), rs.getLong(3));
    });
    return counts;
  }
}
