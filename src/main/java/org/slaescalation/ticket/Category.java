package org.slaescalation.ticket;

/** What kind of problem a ticket is about; an outage (incident) is not a billing-address change. */
public enum Category implements Coded {
  INCIDENT("incident"),
  BUG("bug"),
  QUESTION("question"),
  BILLING("billing"),
  ACCOUNT("account"),
  FEATURE_REQUEST("feature-request");

  private final String code;

  Category(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
