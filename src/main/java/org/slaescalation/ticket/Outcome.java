package org.slaescalation.ticket;

/** The value of the process variable {@code outcome} with which every user task completes. */
public enum Outcome implements Coded {
  RESOLVED("resolved"),
  WAITING_ON_CUSTOMER("waiting-on-customer"),
  HANDOFF_ENGINEERING("handoff-engineering"),
  HANDOFF_SYSADMIN("handoff-sysadmin"),
  BACK_TO_SUPPORT("back-to-support"),
  BACK_TO_ENGINEERING("back-to-engineering"),
  /** "Confirm resolution with customer": the customer says it is not fixed; the ticket goes back to support. */
  REOPEN("reopen");

  private final String code;

  Outcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
