package org.slaescalation.ticket;

import java.util.List;

/**
 * Names of the ticket's process variables, shared by the API, the delegates, the forms
 * ({@code processes/*.form} field keys) and the tests.
 */
public final class TicketVariables {

  public static final String TICKET_ID = "ticketId";
  public static final String EXTERNAL_ID = "externalId";
  public static final String CREATED_AT = "createdAt";
  public static final String SUBJECT = "subject";
  public static final String DESCRIPTION = "description";
  public static final String PRIORITY = "priority";
  public static final String CATEGORY = "category";
  public static final String CUSTOMER_ID = "customerId";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_EMAIL = "customerEmail";
  public static final String TIER = "tier";
  public static final String CUSTOMER_TIME_ZONE = "customerTimeZone";

  /** Set by the business rule task "Determine SLA policy" from decision {@code SlaPolicy}. */
  public static final String FIRST_RESPONSE_TARGET = "firstResponseTarget";
  public static final String RESOLUTION_TARGET = "resolutionTarget";
  public static final String SLA_CALENDAR = "slaCalendar";
  public static final String INTERNAL_TARGET_PERCENT = "internalTargetPercent";

  /** Set by every user task's form. */
  public static final String OUTCOME = "outcome";
  /** The reply to the customer a task completes with: mailed when not blank, then removed (never pre-filled). */
  public static final String CUSTOMER_REPLY = "customerReply";
  /** The internal note a task completes with: recorded in the conversation when not blank, then removed. */
  public static final String INTERNAL_NOTE = "internalNote";
  /** Task-local: the conversation as the forms show it, newest first. */
  public static final String CONVERSATION_THREAD = "conversationThread";
  /** The notes of tickets opened before the conversation (read only, shown as {@code notes}). */
  public static final String SUPPORT_NOTE = "supportNote";
  public static final String ENGINEERING_NOTE = "engineeringNote";
  public static final String SYSADMIN_NOTE = "sysadminNote";
  public static final String CLOSING_NOTE = "closingNote";

  public static final String LAST_CUSTOMER_REPLY = "lastCustomerReply";
  public static final String LAST_CUSTOMER_REPLY_AT = "lastCustomerReplyAt";
  /** While the ticket waits on the customer: since when (the start of the wait; a reminder does not move it). */
  public static final String WAITING_SINCE = "waitingSince";
  /** When the customer was last reminded (by the agent or automatically). */
  public static final String REMINDED_AT = "remindedAt";
  /** "Wait for the customer": what the customer answered another way (phone, chat), noted by the agent. */
  public static final String CUSTOMER_ANSWER = "customerAnswer";

  /**
   * What each row of Tasklist shows of its ticket, in this order: the filters' {@code variables}. A row shows the
   * first two until it is expanded, and the task's name carries the ticket id already ("Triage T-10001"): subject
   * and customer come first. Every open task of the ticket holds a copy of them as task variables, because that is
   * what an agent may read of a row.
   */
  public static final List<String> TASKLIST_ROW = List.of(SUBJECT, CUSTOMER_NAME, TIER, PRIORITY, TICKET_ID);

  private TicketVariables() {}
}
