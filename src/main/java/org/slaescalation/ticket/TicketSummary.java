package org.slaescalation.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A row of {@code GET /api/tickets}. {@code breached}: a first-response or resolution stint of the ticket was
 * breached; {@code atRisk}: a running one reached its warning rung and is not breached. {@code firstResponseDue} and
 * {@code resolutionDue} are the breach instants of those clocks while they are open, breached included (absent once
 * stopped: met, cancelled, or breached and then stopped).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketSummary(String id, String subject, String status, String team, Customer customer, String tier,
    String priority, Instant createdAt, Instant closedAt, boolean breached, boolean atRisk, Instant firstResponseDue,
    Instant resolutionDue) {

  public record Customer(String id, String name) {}

  /** Body of {@code GET /api/tickets}: one page, newest first, and how many tickets match in all. */
  public record Page(List<TicketSummary> items, int page, int size, long total) {}
}
