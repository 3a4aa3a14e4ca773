package org.slaescalation.csat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slaescalation.ladder.OncePerScrape;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code escalation.csat.answers{score="1".."5"}} (Prometheus: {@code escalation_csat_answers_total}): the survey
 * answers recorded, by score, read from table {@code csat_score} at each scrape in one query ({@link OncePerScrape}).
 *
 * <p>Why a count kept in the database and not a counter each node increments when it records an answer: the survey
 * page is answered on whichever node the load balancer picks, so an in-memory counter would hold a different part of
 * the answers on every node, start from zero after each restart, and lose what a node counted before it died. The
 * database's count is the same on every node, survives restarts, and also tells how many answers of each score there
 * are at all, not only since the node started. It is exposed as a counter, not a gauge, because it only grows (the
 * first answer per ticket is final and answers are never deleted), so {@code increase(...[7d])} gives the answers
 * per score of any window, and a dashboard's share of low scores follows from those. Like the gauges, take one node's
 * value ({@code max without (instance)}); summing over the nodes would count each answer once per node.
 *
 * <p>Why {@code csat_score} (migration V16) and not a count over {@code csat_answer}: that count reads every answer
 * ever given, at every scrape, and PostgreSQL reads the whole table for it even with an index on the rating
 * ({@code CsatMetricsPlanOwnJvmTest}). {@link SurveyAnswers} raises a score's count in the transaction that records
 * the answer, so the five rows always agree with the answers.
 */
@Component
class CsatMetrics implements MeterBinder {

  static final int[] SCORES = {1, 2, 3, 4, 5};
  static final String ANSWERS_BY_SCORE = "select score, answers from csat_score";

  private final JdbcClient jdbc;
  private final OncePerScrape<Integer> answers;

  CsatMetrics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.answers = new OncePerScrape<>(this::answersByScore, clock);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (int score : SCORES) {
      FunctionCounter.builder("escalation.csat.answers", answers, counts -> counts.value(score))
          .tag("score", String.valueOf(score))
          .description("Survey answers recorded, by score (1 very unsatisfied to 5 very satisfied)")
          .register(registry);
    }
  }

  private Map<Integer, Long> answersByScore() {
    Map<Integer, Long> counts = new HashMap<>();
    jdbc.sql(ANSWERS_BY_SCORE).query(rs -> {
      counts.put(rs.getInt(1), rs.getLong(2));
    });
    return counts;
  }
}
