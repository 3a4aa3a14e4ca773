package org.slaescalation.ladder;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 *   <li>{@code escalation.clocks.open{state=running|paused}}: the clocks that are counting or paused.
 * </ul>
 */
@Component
class EscalationMetrics implements MeterBinder {

  private final JdbcClient jdbc;
  private final Clock clock;

  EscalationMetrics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("escalation.mails.pending", this, metrics -> metrics.pendingMails())
        .description("Escalation mails recorded and not sent yet").register(registry);
    Gauge.builder("escalation.mails.overdue", this, metrics -> metrics.oldestOverdue().toMillis() / 1000.0)
        .baseUnit("seconds").description("How long the oldest due escalation mail has been waiting to go")
        .register(registry);
    for (String state : new String[] {"running", "paused"}) {
      Gauge.builder("escalation.clocks.open", this, metrics -> metrics.openClocks(state)).tag("state", state)
          .description("Clock stints counting or paused").register(registry);
    }
  }

  long pendingMails() {
    return jdbc.sql("select count(*) from escalation_mail where state = 'pending'").query(Long.class).single();
  }

  Duration oldestOverdue() {
    Instant now = clock.instant();
    Timestamp oldest = jdbc.sql("""
            select min(coalesce(hold_until, due_at)) from escalation_mail
             where state = 'pending' and coalesce(hold_until, due_at) <= :now""")
        .param("now", Timestamp.from(now)).query(Timestamp.class).optional().orElse(null);
    return oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
  }

  long openClocks(String state) {
    return jdbc.sql("select count(*) from clock_stint where state = :state").param("state", state)
        .query(Long.class).single();
  }
}
