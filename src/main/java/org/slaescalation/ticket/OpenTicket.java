package org.slaescalation.ticket;

import java.time.Instant;

/**
 * An open ticket as the SLA board lists it: what identifies it to a person (id, subject, customer, tier, priority),
 * where it stands ({@code status}, the {@code team} that holds it) and the task to open in Tasklist, if it has one
 * (none while it waits on the customer or between two steps).
 *
 * @param number the ticket's number, for reading its clocks
 */
public record OpenTicket(long number, String id, String subject, String status, String team,
    TicketSummary.Customer customer, String tier, String priority, Instant createdAt, Task task) {

  /** The ticket's current task: its Tasklist id and name ({@code Triage T-10001}). */
  public record Task(String id, String name) {}
}
