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
  REOPEN("reopen"),
  /** "Wait for the customer": the customer answered another way (phone, chat); the agent notes the answer. */
  CUSTOMER_ANSWERED("customer-answered"),
  /** "Wait for the customer": remind the customer; the ticket goes on waiting. */
  REMIND("remind"),
  /** "Wait for the customer": close the ticket without an answer; a reply within the reopen window reopens it. */
  CLOSE("close");

  private final String code;

  Outcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
