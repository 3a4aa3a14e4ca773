package org.slaescalation.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Body of {@code GET /api/tickets/{id}}: the ticket, its status and the team that holds it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(
    String id,
    String externalId,
    Instant createdAt,
    Instant closedAt,
    String status,
    String team,
    String subject,
    String description,
    String priority,
    String category,
    Customer customer,
    Sla sla,
    CurrentTask currentTask,
    Map<String, String> notes,
    String lastCustomerReply,
    Map<String, Clock> clocks,
    List<Stint> stints,
    List<Pause> pauses,
    List<Entry> conversation) {

  /** Ticket is with a team. */
  public static final String OPEN = "open";
  /** Ticket waits for the customer to answer; the customer-replies endpoint resumes it. */
  public static final String WAITING_ON_CUSTOMER = "waiting-on-customer";
  /** A team resolved the ticket; support confirms the resolution with the customer. */
  public static final String RESOLVED = "resolved";
  /** The resolution was confirmed and the ticket closed. */
  public static final String CLOSED = "closed";
  /** An operator cancelled the ticket's process instance. */
  public static final String CANCELLED = "cancelled";

  public record Customer(String id, String name, String email, String tier, String timeZone) {}

  public record Sla(String firstResponseTarget, String resolutionTarget, String calendar, Integer internalTargetPercent) {}

  public record CurrentTask(String id, String name, String team, String assignee, Instant due, int priority) {}

  /**
   * A clock: {@code state} is running, paused, met or breached; {@code due} the breach instant; {@code internalDue}
   * the internal target (SLA clocks); {@code remaining} business time left in {@code calendar} (negative when
   * overdue, frozen when the clock stopped); {@code escalations} the rungs already sent.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Clock(String state, Instant due, Instant internalDue, String remaining, String calendar,
      List<Escalation> escalations) {}

  /**
   * A rung of the ladder that fell due: its level in percent of the budget (100 = breach), and when its mail was sent
   * ({@code sentAt} is absent while the mail waits in the outbox).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Escalation(String rung, int level, Instant due, Instant sentAt, String recipients) {}

  /**
   * One stint of a clock, oldest first: a team's second stint on the ticket is a row of its own, with its own budget
   * ({@code budget}, ISO duration) and outcome. {@code budgetDecision} names the decision and version that set it.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Stint(String clock, String team, Instant startedAt, Instant stoppedAt, String budget, String calendar,
      String paused, Instant breachedAt, String budgetDecision, Clock status) {}

  /**
   * A message of the ticket's conversation, oldest first: {@code direction} inbound (the customer's), outbound (a
   * reply to the customer) or internal (a note between the teams); {@code author} the agent's user id or the
   * customer's address (absent for a reply that came through the API); {@code team} the agent's team.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(Instant at, String direction, String author, String team, String text) {}

  /** An entry of the pause ledger; {@code to} is absent while the pause lasts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Pause(String reason, Instant from, Instant to) {}
}
