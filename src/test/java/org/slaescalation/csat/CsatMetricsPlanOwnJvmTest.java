package org.slaescalation.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.PostgresPlans;

/**
 * The survey answers' count on PostgreSQL, which every node runs at every scrape ({@link CsatMetrics}), on a
 * database with 50,000 answers, one in three with a comment of 200 characters: a count over {@code csat_answer}
 * would read the whole table, even with an index on the rating, so migration V16 keeps the counts per score in
 * {@code csat_score}, taking over the answers already given.
 */
class CsatMetricsPlanOwnJvmTest {

  @Test
  void theAnswersByScoreReadFiveRows_notEveryAnswer_andV16CountsTheAnswersBeforeIt() throws Exception {
    try (PostgresPlans postgres = PostgresPlans.start("13")) {
      postgres.fill("""
          insert into ticket (number, created_at)
          select n, timestamp with time zone '2019-01-01 00:00:00+00' + n * interval '5 minutes'
            from generate_series(1, 50000) n""", """
          insert into csat_answer (ticket_number, rating, comment, answered_at)
          select number, 1 + (number * 7) % 5, case when number % 3 = 0 then repeat('Slow but kind. ', 13) end,
                 created_at + interval '1 day'
            from ticket""", "create index ix_csat_answer_rating_probe on csat_answer (rating)");
      String counted = postgres.plan("select rating, count(*) from csat_answer group by rating", Map.of());
      assertThat(PostgresPlans.seqScans(counted)).as("why V16: " + counted).contains("csat_answer");

      postgres.migrate("latest");
      String plan = postgres.plan(CsatMetrics.ANSWERS_BY_SCORE, Map.of());

      assertThat(plan).as(plan).doesNotContain("csat_answer");
      assertThat(postgres.jdbc().sql(CsatMetrics.ANSWERS_BY_SCORE).query((rs, i) -> rs.getInt(1) + "=" + rs.getLong(2))
          .list()).containsExactlyInAnyOrder("1=10000", "2=10000", "3=10000", "4=10000", "5=10000");
    }
  }
}
