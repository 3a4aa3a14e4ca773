package org.slaescalation.ticket;

/** Ticket priority, P1 (most urgent) to P4. */
public enum Priority implements Coded {
  P1,
  P2,
  P3,
  P4;

  @Override
  public String code() {
    return name();
  }
}
