package org.slaescalation.ticket;

/** No ticket has the requested id. */
public class TicketNotFoundException extends RuntimeException {

  public TicketNotFoundException(String ticketId) {
    super("No ticket with id '" + ticketId + "'");
  }
}
