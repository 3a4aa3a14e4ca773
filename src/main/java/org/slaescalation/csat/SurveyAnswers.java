package org.slaescalation.csat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The customers' answers, in table {@code csat_answer}: one per ticket, the first one. Each answer recorded also
 * raises its score's count in {@code csat_score}, in the same transaction, so that the metrics read five rows and
 * not every answer ({@link CsatMetrics}). Reports read the ratings of many tickets at once ({@link #ratings}).
 */
@Repository
public class SurveyAnswers {

  /** A customer's answer: a rating of 1 to 5 and an optional comment. */
  record Answer(long ticketNumber, int rating, String comment, Instant answeredAt) {}

  /** The ticket's answer, and whether this submit recorded it ({@code false}: an earlier one had). */
  record Recorded(Answer answer, boolean now) {}

  private static final RowMapper<Answer> ROW = (rs, i) -> new Answer(rs.getLong("ticket_number"),
      rs.getInt("rating"), rs.getString("comment"), rs.getTimestamp("answered_at").toInstant());

  private final JdbcClient jdbc;
  private final TransactionOperations transaction;

  SurveyAnswers(JdbcClient jdbc, TransactionOperations transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  Optional<Answer> find(long ticketNumber) {
    return jdbc.sql("select * from csat_answer where ticket_number = :number").param("number", ticketNumber)
        .query(ROW).optional();
  }

  /** Records the answer unless the ticket has one: then that first answer stands, unchanged. */
  Recorded record(Answer answer) {
    Optional<Answer> earlier = find(answer.ticketNumber());
    if (earlier.isPresent()) {
      return new Recorded(earlier.get(), false);
    }
    try {
      transaction.executeWithoutResult(status -> {
        jdbc.sql("""
                insert into csat_answer (ticket_number, rating, comment, answered_at)
                values (:number, :rating, :comment, :at)""")
            .param("number", answer.ticketNumber()).param("rating", answer.rating())
            .param("comment", answer.comment()).param("at", Timestamp.from(answer.answeredAt()))
            .update();
        jdbc.sql("update csat_score set answers = answers + 1 where score = :score")
            .param("score", answer.rating()).update();
      });
      return new Recorded(answer, true);
    } catch (DuplicateKeyException concurrentSubmit) {
      // rolled back: nothing recorded, nothing counted; the answer that won is committed
      return new Recorded(find(answer.ticketNumber()).orElseThrow(), false);
    }
  }

  /**
   * The rating (1 to 5) of each of the tickets that has an answer, by ticket number: one query for a report's
   * tickets, whatever their number.
   */
  public Map<Long, Integer> ratings(Collection<Long> ticketNumbers) {
    Map<Long, Integer> ratings = new HashMap<>();
    if (ticketNumbers.isEmpty()) {
      return ratings;
    }
    jdbc.sql("select ticket_number, rating from csat_answer where ticket_number in (:tickets)")
        .param("tickets", List.copyOf(ticketNumbers))
        .query(rs -> {
          ratings.put(rs.getLong(1), rs.getInt(2));
        });
    return ratings;
  }
}
