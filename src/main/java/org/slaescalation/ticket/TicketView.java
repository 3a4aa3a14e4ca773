package org.slaescalation.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
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
    String lastCustomerReply) {

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
}
