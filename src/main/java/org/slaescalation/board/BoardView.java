package org.slaescalation.board;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.slaescalation.ticket.TicketSummary;

/**
 * Body of {@code GET /api/board}: the open tickets the caller may see, what breaches first on top.
 *
 * @param at the instant the board was read: every time left is as of then
 * @param teams the teams whose tickets the caller sees (all three for team leads and administrators)
 */
record BoardView(Instant at, List<String> teams, List<Row> rows) {

  /**
   * An open ticket. {@code state} is the worst of its clocks' states; {@code nextDue} the earliest due instant of
   * a clock that is not paused (absent when every clock is paused); {@code task} is absent while the ticket has no
   * task (it waits on the customer).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Row(String ticketId, String subject, String status, String team, TicketSummary.Customer customer,
      String tier, String priority, String state, Instant nextDue, Task task, List<Clock> clocks) {}

  /** The ticket's current task, and where Tasklist opens it (relative to the service's address). */
  record Task(String id, String name, String tasklist) {}

  /**
   * An open clock: {@code first-response}, {@code resolution} or the holding team's {@code ola-<team>}.
   * {@code remaining} is business time left in its calendar (ISO duration, negative when overdue, frozen while
   * paused), {@code remainingText} the same as the forms say it ({@code 4 h left}, {@code overdue by 10 min});
   * {@code due} its breach instant and {@code warningDue} its warning rung's, counting pauses so far.
   */
  record Clock(String clock, String state, String remaining, String remainingText, Instant due, Instant warningDue,
      String calendar) {}
}
