package org.slaescalation.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slaescalation.support.PostgresPlans;

/**
 * The gauges' queries on PostgreSQL, where production runs them at every scrape on every node
 * ({@link EscalationMetricsIndexTest} checks H2's plans): on a database the size of a busy installation each must
 * read a range of its index (migration V10), not the whole history of stints and mails.
 *
 * <p>The filling: 25,000 tickets, of which one in ten is open; each has four clock stints (first response,
 * resolution, two OLA stints), stopped (met or breached) for the closed tickets, running, paused or breached for the
 * open ones: 100,000 stints, 10,000 of them open. Two escalation mails per ticket, 50,000, of which the open
 * tickets' newer ones are pending: 2,500, half of them due.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationMetricsPlansOwnJvmTest {

  private static final Instant NOW = Instant.parse("2020-03-02T12:00:00Z");

  private PostgresPlans postgres;

  @BeforeAll
  void aBusyInstallation() {
    postgres = PostgresPlans.start();
    postgres.fill("""
        insert into ticket (number, created_at)
        select n, timestamp with time zone '2019-01-01 00:00:00+00' + n * interval '5 minutes'
          from generate_series(1, 25000) n""", """
        insert into clock_stint (ticket_number, clock, team, calendar_name, budget_ms, started_at, paused_ms, state,
            stopped_at, version)
        select t.number, (array['first-response', 'resolution', 'ola-support', 'ola-engineering'])[s], null,
               '24x7', 3600000, t.created_at, 0,
               case when t.number % 10 = 0 then (array['running', 'paused', 'breached'])[t.number % 3 + 1]
                    when t.number % 7 = 0 then 'breached' else 'met' end,
               case when t.number % 10 = 0 then null else t.created_at + interval '1 hour' end, 0
          from ticket t cross join generate_series(1, 4) s""", """
        insert into escalation_mail (ticket_number, message_id, state, due_at, hold_until, recorded_at, sent_at,
            recipients, subject, headers, text_body, html_body)
        select t.number, '<m' || t.number || '.' || s || '@bench>',
               case when t.number % 10 = 0 and s = 2 then 'pending' else 'sent' end,
               case when t.number % 20 = 0 then timestamp with time zone '2020-03-02 13:00:00+00'
                    else t.created_at + s * interval '45 minutes' end,
               null, t.created_at, case when t.number % 10 = 0 and s = 2 then null else t.created_at end,
               'lead@example.com', 'Escalation', '', repeat('Ticket text. ', 10), repeat('<p>Ticket</p>', 10)
          from ticket t cross join generate_series(1, 2) s""");
    assertThat(postgres.jdbc().sql("select count(*) from clock_stint where stopped_at is null").query(Long.class)
        .single()).isEqualTo(10_000);
    assertThat(postgres.jdbc().sql("select count(*) from escalation_mail where state = 'pending'")
        .query(Long.class).single()).isEqualTo(2_500);
  }

  @AfterAll
  void stop() throws Exception {
    postgres.close();
  }

  @Test
  void theOpenClocksReadTheOpenStintsIndexOnly() {
    String plan = postgres.plan(EscalationMetrics.OPEN_CLOCKS, Map.of());

    assertThat(PostgresPlans.seqScans(plan)).as(plan).isEmpty();
    assertThat(plan).contains("ix_clock_stint_open");
  }

  @Test
  void thePendingMailsReadTheMailStateIndex() {
    String pending = postgres.plan(EscalationMetrics.PENDING_MAILS, Map.of());
    String overdue = postgres.plan(EscalationMetrics.OLDEST_OVERDUE, Map.of("now", Timestamp.from(NOW)));

    assertThat(PostgresPlans.seqScans(pending)).as(pending).isEmpty();
    assertThat(pending).contains("ix_escalation_mail_state");
    assertThat(PostgresPlans.seqScans(overdue)).as(overdue).isEmpty();
    assertThat(overdue).contains("ix_escalation_mail_state");
  }
}
