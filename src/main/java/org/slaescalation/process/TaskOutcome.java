package org.slaescalation.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.slaescalation.ticket.Coded;
import org.slaescalation.ticket.Outcome;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketVariables;

/**
 * Guards the {@code outcome} variable of every user task: it is cleared when a task is created, so
 * that a form never shows the previous team's choice, and checked on completion against the
 * outcomes that task offers, so that a wrong value is refused before a gateway sees it. Asking the customer
 * ({@code waiting-on-customer}) and resolving ({@code resolved}, but for the confirmation, which the customer already
 * has) need a reply to the customer ({@code customerReply}): the customer must hear the question or the answer. An
 * answer the customer gave another way ({@code customer-answered}) needs what they said ({@code customerAnswer}).
 */
@Component("taskOutcome")
public class TaskOutcome implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> task.getExecution().removeVariable(TicketVariables.OUTCOME);
      case EVENTNAME_COMPLETE -> check(task);
      default -> { }
    }
  }

  private static void check(DelegateTask task) {
    TicketProcess.UserTask userTask = TicketProcess.userTask(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("No outcomes defined for task " + task.getTaskDefinitionKey()));
    Object value = task.getVariable(TicketVariables.OUTCOME);
    boolean allowed = value instanceof String code
        && Coded.fromCode(Outcome.class, code).filter(userTask.outcomes()::contains).isPresent();
    if (!allowed) {
      throw new BadUserRequestException("Variable 'outcome' of task '" + task.getName() + "' must be one of "
          + userTask.outcomes().stream().map(Outcome::code).toList() + ", was: " + value);
    }
    if (needsReply(userTask, (String) value)
        && !(task.getVariable(TicketVariables.CUSTOMER_REPLY) instanceof String reply && !reply.isBlank())) {
      throw new BadUserRequestException("Variable 'customerReply' of task '" + task.getName()
          + "' must hold the reply to the customer when the outcome is '" + value + "'");
    }
    if (Outcome.CUSTOMER_ANSWERED.code().equals(value)
        && !(task.getVariable(TicketVariables.CUSTOMER_ANSWER) instanceof String answer && !answer.isBlank())) {
      throw new BadUserRequestException("Variable 'customerAnswer' of task '" + task.getName()
          + "' must hold what the customer answered when the outcome is '" + value + "'");
    }
  }

  /** Whether completing {@code userTask} with {@code outcome} must send the customer a reply. */
  public static boolean needsReply(TicketProcess.UserTask userTask, String outcome) {
    return Outcome.WAITING_ON_CUSTOMER.code().equals(outcome)
        || Outcome.RESOLVED.code().equals(outcome) && !TicketProcess.TASK_CONFIRM_RESOLUTION.equals(userTask.id());
  }
}
