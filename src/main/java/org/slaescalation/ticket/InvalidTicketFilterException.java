package org.slaescalation.ticket;

/**
 * A query parameter of {@code GET /api/tickets} or {@code GET /api/board} that is unknown, repeated or has an unknown
 * value.
 */
public class InvalidTicketFilterException extends RuntimeException {

  private final String parameter;

  public InvalidTicketFilterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The parameter at fault. */
  public String parameter() {
    return parameter;
  }
}
