package org.slaescalation.ticket;

import java.util.List;
import java.util.Map;

/**
 * What the ticket API needs of the clocks (implemented by the {@code sla} package, which depends on this one):
 * the clocks and pause ledger of a ticket, and rescheduling after its priority or tier changed.
 */
public interface TicketClockAccess {

  /** The ticket's clocks by name ({@code first-response}, {@code resolution}, {@code ola-<team>}). */
  Map<String, TicketView.Clock> clocks(long ticketNumber);

  /** Every stint of every clock, oldest first. */
  List<TicketView.Stint> stints(long ticketNumber);

  /** The pause ledger, oldest first. */
  List<TicketView.Pause> pauses(long ticketNumber);

  /**
   * Re-evaluates the SLA and OLA policy with the ticket's current variables and moves every pending timer, the task
   * due date and priority; time already spent still counts.
   */
  void policyChanged(String processInstanceId, long ticketNumber);
}
