package org.slaescalation.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every scrape runs the gauges' queries on every node: each must read a range of an index (migration V10), not the
 * history of stints and mails. Checked on H2's plans here; the same indexes serve PostgreSQL.
 */
@ApplicationTest
class EscalationMetricsIndexTest {

  @Autowired JdbcClient jdbc;

  @Test
  void theOpenClocksAreOneRangeOfTheOpenStintsIndex() {
    assertThat(plan(EscalationMetrics.OPEN_CLOCKS)).contains("IX_CLOCK_STINT_OPEN").contains("STOPPED_AT IS NULL");
  }

  @Test
  void thePendingMailsAreOneRangeOfTheMailStateIndex() {
    assertThat(plan(EscalationMetrics.PENDING_MAILS)).contains("IX_ESCALATION_MAIL_STATE");
    assertThat(jdbc.sql("explain " + EscalationMetrics.OLDEST_OVERDUE).param("now", Timestamp.from(Instant.now()))
        .query(String.class).single().toUpperCase()).contains("IX_ESCALATION_MAIL_STATE");
  }

  private String plan(String query) {
    return jdbc.sql("explain " + query).query(String.class).single().toUpperCase();
  }
}
