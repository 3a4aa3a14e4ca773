package org.slaescalation.ticket;

/** The ticket is closed: its policy and clocks no longer change. */
public class TicketClosedException extends RuntimeException {

  public TicketClosedException(String ticketId) {
    super("Ticket '" + ticketId + "' is closed");
  }
}
