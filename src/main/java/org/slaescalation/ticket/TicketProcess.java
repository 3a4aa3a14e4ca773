package org.slaescalation.ticket;

import static org.slaescalation.ticket.Outcome.BACK_TO_ENGINEERING;
import static org.slaescalation.ticket.Outcome.BACK_TO_SUPPORT;
import static org.slaescalation.ticket.Outcome.CLOSE;
import static org.slaescalation.ticket.Outcome.CUSTOMER_ANSWERED;
import static org.slaescalation.ticket.Outcome.HANDOFF_ENGINEERING;
import static org.slaescalation.ticket.Outcome.HANDOFF_SYSADMIN;
import static org.slaescalation.ticket.Outcome.REMIND;
import static org.slaescalation.ticket.Outcome.REOPEN;
import static org.slaescalation.ticket.Outcome.RESOLVED;
import static org.slaescalation.ticket.Outcome.WAITING_ON_CUSTOMER;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slaescalation.team.Team;

/** Ids of the ticket process model ({@code processes/ticket-escalation.bpmn}) that code depends on. */
public final class TicketProcess {

  public static final String PROCESS_KEY = "ticket-escalation";
  public static final String MESSAGE_CUSTOMER_REPLY = "CustomerReplyReceived";
  /** A customer's reply to a closed ticket within the reopen window: it reopens the ticket. */
  public static final String MESSAGE_REPLY_AFTER_CLOSING = "CustomerRepliedAfterClosing";
  /** The process that mails one reply to the customer ({@code processes/reply-mail.bpmn}). */
  public static final String REPLY_MAIL_PROCESS_KEY = "reply-mail";

  public static final String TASK_TRIAGE = "Task_TriageTicket";
  public static final String TASK_FOLLOW_UP = "Task_FollowUpTicket";
  public static final String TASK_INVESTIGATE = "Task_InvestigateTicket";
  public static final String TASK_FIX_INFRASTRUCTURE = "Task_FixInfrastructure";
  public static final String TASK_CONFIRM_RESOLUTION = "Task_ConfirmResolution";
  public static final String TASK_AWAIT_CUSTOMER = "Task_AwaitCustomer";
  public static final String EVENT_CUSTOMER_REPLY = "Event_CustomerReplyReceived";
  /** Where a closed ticket waits out its reopen window. */
  public static final String EVENT_REPLY_AFTER_CLOSING = "Event_CustomerRepliedAfterClosing";

  /**
   * A user task: the team that works on it, the outcomes its form offers, and the short label its tasks are named
   * with in Tasklist, followed by the ticket id ("Triage T-10001"); the model's names ("Triage ticket") are for
   * reading the diagram.
   */
  public record UserTask(String id, String label, Team team, Set<Outcome> outcomes) {

    /**
     * Whether the task is the team's work, timed by its OLA: every task but "Wait for the customer", which waits for
     * the customer (no OLA, not in the team's queue, not counted in staffing).
     */
    public boolean isWork() {
      return !TASK_AWAIT_CUSTOMER.equals(id);
    }

    /** The name of this task of ticket {@code ticketId}: {@code "Triage T-10001"}. */
    public String taskName(String ticketId) {
      return ticketId == null || ticketId.isBlank() ? label : label + " " + ticketId;
    }
  }

  private static final Map<String, UserTask> USER_TASKS = Map.of(
      TASK_TRIAGE, new UserTask(TASK_TRIAGE, "Triage", Team.SUPPORT,
          EnumSet.of(RESOLVED, WAITING_ON_CUSTOMER, HANDOFF_ENGINEERING)),
      TASK_FOLLOW_UP, new UserTask(TASK_FOLLOW_UP, "Follow up", Team.SUPPORT,
          EnumSet.of(RESOLVED, WAITING_ON_CUSTOMER, HANDOFF_ENGINEERING)),
      TASK_INVESTIGATE, new UserTask(TASK_INVESTIGATE, "Investigate", Team.ENGINEERING,
          EnumSet.of(HANDOFF_SYSADMIN, BACK_TO_SUPPORT, RESOLVED)),
      TASK_FIX_INFRASTRUCTURE, new UserTask(TASK_FIX_INFRASTRUCTURE, "Fix infrastructure", Team.SYSADMIN,
          EnumSet.of(RESOLVED, BACK_TO_ENGINEERING)),
      TASK_CONFIRM_RESOLUTION, new UserTask(TASK_CONFIRM_RESOLUTION, "Confirm resolution", Team.SUPPORT,
          EnumSet.of(RESOLVED, REOPEN)),
      TASK_AWAIT_CUSTOMER, new UserTask(TASK_AWAIT_CUSTOMER, "Waiting on customer", Team.SUPPORT,
          EnumSet.of(CUSTOMER_ANSWERED, REMIND, CLOSE)));

  private TicketProcess() {}

  public static Optional<UserTask> userTask(String taskDefinitionKey) {
    return Optional.ofNullable(USER_TASKS.get(taskDefinitionKey));
  }

  public static Map<String, UserTask> userTasks() {
    return USER_TASKS;
  }
}
