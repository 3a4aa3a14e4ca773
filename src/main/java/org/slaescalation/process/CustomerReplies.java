package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.CUSTOMER_EMAIL;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_NAME;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_TIME_ZONE;
import static org.slaescalation.ticket.TicketVariables.SUBJECT;
import static org.slaescalation.ticket.TicketVariables.TICKET_ID;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.slaescalation.conversation.Conversation;
import org.slaescalation.conversation.Message;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * Sends the customer a reply: recorded in the ticket's conversation (composed there, threaded) and mailed by one
 * "Reply mail" instance in a job of its own, with the mail retries. The agents' replies ({@link TaskConversation}) and
 * the service's own notices ({@link CustomerNotices}) go this one way.
 */
@Component
public class CustomerReplies {

  /**
   * Transient variable: a reply was recorded in this transaction, so that a notice that would say the same
   * ({@link CustomerNotices}) is not sent as well.
   */
  static final String REPLY_RECORDED = "replyRecorded";

  private final Conversation conversation;

  public CustomerReplies(Conversation conversation) {
    this.conversation = conversation;
  }

  /** Records {@code text} as a reply by {@code author} (null for the service itself) of {@code team}, to be mailed. */
  public Message send(VariableScope ticket, ProcessEngineServices engine, String author, String team, String text) {
    Message recorded = conversation.recordReply(new Conversation.Ticket(ClockExpressions.ticketNumber(ticket),
        (String) ticket.getVariable(TICKET_ID), (String) ticket.getVariable(SUBJECT),
        (String) ticket.getVariable(CUSTOMER_NAME), (String) ticket.getVariable(CUSTOMER_EMAIL),
        zone(ticket.getVariable(CUSTOMER_TIME_ZONE))), author, team, text);
    String ticketId = (String) ticket.getVariable(TICKET_ID);
    // The agent may work on the task; starting the process that mails the reply is the service's own step.
    Context.getCommandContext().runWithoutAuthorization(() -> engine.getRuntimeService()
        .startProcessInstanceByKey(TicketProcess.REPLY_MAIL_PROCESS_KEY, ticketId,
            Map.of(TaskConversation.REPLY_MESSAGE_ID, recorded.id(), TICKET_ID, ticketId)));
    ticket.setVariable(REPLY_RECORDED, Variables.booleanValue(true, true));
    return recorded;
  }

  /** Whether a reply was recorded for the customer in this transaction. */
  static boolean recordedNow(VariableScope ticket) {
    return Boolean.TRUE.equals(ticket.getVariable(REPLY_RECORDED));
  }

  /** The customer's time zone, UTC when the ticket has none or an unknown one. */
  static ZoneId zone(Object id) {
    if (id instanceof String zone && !zone.isBlank()) {
      try {
        return ZoneId.of(zone);
      } catch (DateTimeException e) {
        return ZoneOffset.UTC;
      }
    }
    return ZoneOffset.UTC;
  }
}
