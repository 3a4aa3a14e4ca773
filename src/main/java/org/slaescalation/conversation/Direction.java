package org.slaescalation.conversation;

/** Which way a message of a ticket's conversation went. */
public enum Direction {
  /** From the customer: a reply by mail or through the API. */
  INBOUND,
  /** To the customer: an agent's reply, mailed. */
  OUTBOUND,
  /** Between the teams: an agent's note, never mailed. */
  INTERNAL;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Direction of(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }
}
