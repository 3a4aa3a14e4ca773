package org.slaescalation.sla;

import static org.slaescalation.ticket.TicketVariables.CUSTOMER_NAME;
import static org.slaescalation.ticket.TicketVariables.PRIORITY;
import static org.slaescalation.ticket.TicketVariables.SUBJECT;
import static org.slaescalation.ticket.TicketVariables.TICKET_ID;
import static org.slaescalation.ticket.TicketVariables.TIER;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * Send task "Send escalations" behind every escalation timer. Asynchronous before: an SMTP outage fails the job,
 * which the engine retries and finally shows as an incident; nothing is lost.
 */
@Component("sendEscalations")
public class SendEscalations implements JavaDelegate {

  private final Escalations escalations;
  private final TaskService taskService;

  public SendEscalations(Escalations escalations, TaskService taskService) {
    this.escalations = escalations;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).singleResult();
    String team = task == null ? "support" : TicketProcess.userTask(task.getTaskDefinitionKey())
        .map(userTask -> userTask.team().code()).orElse("support");
    escalations.sendDue(new Escalations.TicketFacts(
        (String) execution.getVariable(TICKET_ID),
        TicketClocks.ticketNumber(execution),
        (String) execution.getVariable(SUBJECT),
        (String) execution.getVariable(PRIORITY),
        (String) execution.getVariable(TIER),
        (String) execution.getVariable(CUSTOMER_NAME),
        team,
        task == null ? null : task.getId()));
  }
}
