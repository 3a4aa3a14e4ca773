package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.TICKET_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.conversation.Conversation;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * Send task "Send reply to customer" of the "Reply mail" process (asynchronous before: one job and transaction per
 * reply). Mails the reply unless it was sent already, marks it sent, and stops the ticket's first-response clock: the
 * first reply the customer receives is the first response (met before its breach instant, breached after). The
 * first-response timers of a met clock then wait at {@link LadderTimers#HELD} until their scope ends.
 */
@Component("replyMails")
public class ReplyMails implements JavaDelegate {

  private final Conversation conversation;
  private final ClockStints clocks;
  private final LadderTimers timers;
  private final TaskConversation threads;

  public ReplyMails(Conversation conversation, ClockStints clocks, LadderTimers timers, TaskConversation threads) {
    this.conversation = conversation;
    this.clocks = clocks;
    this.timers = timers;
    this.threads = threads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long messageId = ((Number) execution.getVariable(TaskConversation.REPLY_MESSAGE_ID)).longValue();
    String ticketId = (String) execution.getVariable(TICKET_ID);
    conversation.send(messageId);
    long ticket = TicketId.number(ticketId)
        .orElseThrow(() -> new IllegalStateException("Reply " + messageId + " names no ticket: " + ticketId));
    ProcessInstance instance = execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY)
        .processInstanceBusinessKey(ticketId).singleResult();
    if (clocks.open(ticket, ClockName.FIRST_RESPONSE).isPresent()) {
      clocks.stop(ticket, ClockName.FIRST_RESPONSE);
      if (instance != null) {
        timers.hold(instance.getId(), ClockName.FIRST_RESPONSE);
      }
    }
    if (instance != null) {
      // The open task's form showed the reply as "not mailed yet".
      threads.refreshThreads(ticket, instance.getId());
    }
  }
}
