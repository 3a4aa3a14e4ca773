package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.CONVERSATION_THREAD;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_ANSWER;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_REPLY;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_TIME_ZONE;
import static org.slaescalation.ticket.TicketVariables.INTERNAL_NOTE;
import static org.slaescalation.ticket.TicketVariables.LAST_CUSTOMER_REPLY;
import static org.slaescalation.ticket.TicketVariables.LAST_CUSTOMER_REPLY_AT;

import java.time.ZoneId;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slaescalation.conversation.Conversation;
import org.slaescalation.ladder.ContactProperties;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of every user task: the ticket's conversation in the forms, and what a task completes with. On
 * creation the task gets the thread ({@code conversationThread}, newest first, times in the team's zone and the
 * customer's) and the reply and note fields start empty. On completion a non-blank {@code internalNote} is recorded
 * as an internal message, a non-blank {@code customerReply} as an outbound one, mailed by {@link CustomerReplies}, and a
 * non-blank {@code customerAnswer} ("Wait for the customer": what the customer said on the phone) as the customer's
 * message, noted by the agent; the variables are then removed, so that no later form shows them as input.
 */
@Component("taskConversation")
public class TaskConversation implements TaskListener {

  /** Variable of a "Reply mail" instance: the id of its message in the conversation. */
  public static final String REPLY_MESSAGE_ID = "replyMessageId";
  /** The longest reply or note (characters); the conversation holds 20,000. */
  public static final int MAX_LENGTH = 10_000;

  private final Conversation conversation;
  private final ContactProperties contacts;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final CustomerReplies replies;

  public TaskConversation(Conversation conversation, ContactProperties contacts, RuntimeService runtimeService,
      TaskService taskService, CustomerReplies replies) {
    this.replies = replies;
    this.conversation = conversation;
    this.contacts = contacts;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().removeVariable(CUSTOMER_REPLY);
      task.getExecution().removeVariable(INTERNAL_NOTE);
      task.getExecution().removeVariable(CUSTOMER_ANSWER);
      task.setVariableLocal(CONVERSATION_THREAD, thread(task));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task);
    }
  }

  /** The thread as the task's form shows it, in the zone of the task's team and the customer's. */
  private String thread(DelegateTask task) {
    return conversation.thread(ClockExpressions.ticketNumber(task), teamZone(task.getTaskDefinitionKey()),
        CustomerReplies.zone(task.getVariable(CUSTOMER_TIME_ZONE)));
  }

  /**
   * A customer's reply came in: the open tasks of the ticket show it (a task it resumed was created after it was
   * recorded and shows it already).
   */
  @EventListener
  public void customerReplied(TicketService.CustomerReplied replied) {
    refreshThreads(replied.ticketNumber(), replied.processInstanceId());
  }

  /** The open tasks of the ticket show its conversation as it is now (a reply was mailed, a customer answered). */
  void refreshThreads(long ticketNumber, String processInstanceId) {
    Object zone = runtimeService.getVariable(processInstanceId, CUSTOMER_TIME_ZONE);
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      taskService.setVariableLocal(task.getId(), CONVERSATION_THREAD, conversation.thread(ticketNumber,
          teamZone(task.getTaskDefinitionKey()), CustomerReplies.zone(zone)));
    }
  }

  private void completed(DelegateTask task) {
    String team = team(task);
    String author = author(task);
    long ticket = ClockExpressions.ticketNumber(task);
    String answer = text(task, CUSTOMER_ANSWER);
    String note = text(task, INTERNAL_NOTE);
    String reply = text(task, CUSTOMER_REPLY);
    if (answer != null) {
      conversation.recordAnsweredAnotherWay(ticket, author, team, answer);
      task.getExecution().setVariable(LAST_CUSTOMER_REPLY, answer);
      task.getExecution().setVariable(LAST_CUSTOMER_REPLY_AT, ClockUtil.getCurrentTime());
    }
    if (note != null) {
      conversation.recordNote(ticket, author, team, note);
    }
    if (reply != null) {
      replies.send(task, task.getProcessEngineServices(), author, team, reply);
    }
    task.getExecution().removeVariable(CUSTOMER_ANSWER);
    task.getExecution().removeVariable(CUSTOMER_REPLY);
    task.getExecution().removeVariable(INTERNAL_NOTE);
  }

  /** A reply or note as text: null when blank, refused when it is no text or too long. */
  private static String text(VariableScope task, String name) {
    Object value = task.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new BadUserRequestException("Variable '" + name + "' must be a string");
    }
    if (text.length() > MAX_LENGTH) {
      throw new BadUserRequestException("Variable '" + name + "' holds at most " + MAX_LENGTH + " characters, was "
          + text.length());
    }
    return text.isBlank() ? null : text.strip();
  }

  private static String team(DelegateTask task) {
    return TicketProcess.userTask(task.getTaskDefinitionKey()).map(userTask -> userTask.team().code()).orElse(null);
  }

  /** The user completing the task (the webapps and the REST API authenticate them), else its assignee. */
  private static String author(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee();
  }

  private ZoneId teamZone(String taskDefinitionKey) {
    return contacts.teamZone(
        TicketProcess.userTask(taskDefinitionKey).map(userTask -> userTask.team().code()).orElse(null));
  }
}
