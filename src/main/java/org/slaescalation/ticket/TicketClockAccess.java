package org.slaescalation.ticket;

import java.util.List;
import java.util.Map;

/**
 * What the ticket API needs of the clocks (implemented by the {@code process} package, which depends on this one):
 * the clocks and pause ledger of a ticket, and rescheduling after its priority or tier changed.
 */
public interface TicketClockAccess {

  /**
   * What {@code GET /api/tickets/{id}} shows of the clocks, read once.
   *
   * @param clocks the latest stint of each clock by name ({@code first-response}, {@code resolution},
   *     {@code ola-<team>})
   * @param stints every stint of every clock, oldest first
   * @param pauses the pause ledger, oldest first
   */
  record Clocks(Map<String, TicketView.Clock> clocks, List<TicketView.Stint> stints, List<TicketView.Pause> pauses) {}

  Clocks clocks(long ticketNumber);

  /**
   * The breach instant of each open SLA clock ({@code first-response}, {@code resolution}) of the tickets, by ticket
   * number and clock name, read with one query: the listing's due instants. A clock that stopped is absent.
   */
  Map<Long, Map<String, java.time.Instant>> openSlaDue(java.util.Collection<Long> ticketNumbers);

  /**
   * Re-evaluates the SLA and OLA policy with the ticket's current variables and moves every pending timer, the task
   * due date and priority; time already spent still counts.
   */
  void policyChanged(String processInstanceId, long ticketNumber);
}
