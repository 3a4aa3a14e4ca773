package org.slaescalation.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ShippedCalendars;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V4 on the databases the service runs on (H2 for the embedded default, PostgreSQL in production): the
 * clocks and sent escalations of a database at V3 become stints (one each, version 0, milliseconds) and sent
 * outbox mails with their rungs, and a breached clock gets its breach instant.
 */
class StintMigrationOwnJvmTest {

  @Test
  void h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:stint-migration;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    migrateAndCheck(h2);
  }

  @Test
  void postgresql() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      migrateAndCheck(postgres.getPostgresDatabase());
    }
  }

  private static void migrateAndCheck(DataSource dataSource) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    // V3 indexes Camunda's job table, which the engine creates before Flyway runs.
    jdbc.sql("create table ACT_RU_JOB (ID_ varchar(64), DUEDATE_ timestamp)").update();
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").target("3").load()
        .migrate();
    jdbc.sql("insert into ticket (number, created_at) values (10001, timestamp '2027-03-01 09:00:00')").update();
    jdbc.sql("""
        insert into ticket_clock (ticket_number, clock, calendar_name, budget_seconds, internal_percent, started_at,
          paused_seconds, state, stopped_at, activity_instance_id)
        values (10001, 'resolution', '24x7', 3600, 80, timestamp with time zone '2027-03-01 09:00:00+00', 90,
          'breached', null, null),
          (10001, 'ola-support', 'support', 1800, null, timestamp with time zone '2027-03-01 09:00:00+00', 0,
          'met', timestamp with time zone '2027-03-01 09:10:00+00', 'act-1')""").update();
    jdbc.sql("""
        insert into escalation (ticket_number, clock, rung, level, stint_started_at, due_at, sent_at, recipients)
        values (10001, 'resolution', 'breach', 100, timestamp with time zone '2027-03-01 09:00:00+00',
          timestamp with time zone '2027-03-01 10:01:30+00', timestamp with time zone '2027-03-01 10:01:31+00',
          'manager@example.com')""").update();

    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();

    List<ClockStint> stints = new StintRepository(jdbc).stints(10001);
    assertThat(stints).extracting(s -> s.clock().value()).containsExactlyInAnyOrder("resolution", "ola-support");
    ClockStint resolution = stints.stream().filter(s -> s.clock().equals(ClockName.RESOLUTION)).findFirst()
        .orElseThrow();
    assertThat(resolution.budget()).isEqualTo(Duration.ofHours(1));
    assertThat(resolution.paused()).isEqualTo(Duration.ofSeconds(90));
    assertThat(resolution.state()).isEqualTo(ClockState.BREACHED);
    assertThat(resolution.breachedAt()).isEqualTo(Instant.parse("2027-03-01T10:01:30Z"));
    assertThat(resolution.version()).isZero();
    ClockStint support = stints.stream().filter(s -> s.clock().isOla()).findFirst().orElseThrow();
    assertThat(support.clock().team()).contains("support");
    assertThat(support.state()).isEqualTo(ClockState.MET);
    assertThat(support.reachedBy()).isEqualTo("act-1");

    assertThat(jdbc.sql("select state, recipients from escalation_mail")
        .query((rs, i) -> rs.getString(1) + " to " + rs.getString(2)).list())
        .containsExactly("sent to manager@example.com");
    assertThat(jdbc.sql("select rung from escalation_rung where stint_id = :stint").param("stint", resolution.id())
        .query(String.class).list()).containsExactly("breach");
    // The migrated stint keeps working: the next change names its version.
    new ClockStints(new StintRepository(jdbc), ShippedCalendars.get(), java.time.Clock.systemUTC())
        .stop(10001, ClockName.RESOLUTION);
    assertThat(new StintRepository(jdbc).latest(10001, ClockName.RESOLUTION).orElseThrow().version()).isOne();
  }
}
