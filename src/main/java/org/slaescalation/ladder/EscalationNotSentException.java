package org.slaescalation.ladder;

/** A mail of the escalation outbox that the mail server did not take; its message names ticket, clocks and rungs. */
public class EscalationNotSentException extends RuntimeException {

  public EscalationNotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
