package org.slaescalation.csat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customers' ratings for reports: the one answer per ticket that {@link SurveyAnswers} keeps, read for many
 * tickets at once so that a report joins them with its segments in one query, whatever the number of tickets.
 */
@Repository
public class CsatRatings {

  private final JdbcClient jdbc;

  CsatRatings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The rating (1 to 5) of each of the tickets that has an answer, by ticket number. */
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
