package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.CUSTOMER_ID;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_NAME;
import static org.slaescalation.ticket.TicketVariables.PRIORITY;
import static org.slaescalation.ticket.TicketVariables.SUBJECT;
import static org.slaescalation.ticket.TicketVariables.TICKET_ID;
import static org.slaescalation.ticket.TicketVariables.TIER;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.customer.Customer;
import org.slaescalation.customer.CustomerService;
import org.slaescalation.ladder.Escalations;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * Send task "Record due escalations" behind the escalation timers: records every rung of the ticket that is due
 * (and each breach) in the escalation outbox, and starts one "Escalation mail" process instance per mail, in the
 * same transaction. The mails are sent by those instances, each in its own job and transaction.
 */
@Component("recordEscalations")
public class RecordEscalations implements JavaDelegate {

  /** The process that sends one mail of the outbox ({@code processes/escalation-mail.bpmn}). */
  public static final String MAIL_PROCESS_KEY = "escalation-mail";
  /** Variable of an "Escalation mail" instance: the id of its mail in the outbox. */
  public static final String MAIL_ID = "escalationMailId";

  private final Escalations escalations;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final CustomerService customers;

  public RecordEscalations(Escalations escalations, TaskService taskService, RuntimeService runtimeService,
      CustomerService customers) {
    this.escalations = escalations;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.customers = customers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).singleResult();
    String team = task == null ? "support" : TicketProcess.userTask(task.getTaskDefinitionKey())
        .map(userTask -> userTask.team().code()).orElse("support");
    String ticketId = (String) execution.getVariable(TICKET_ID);
    for (long mailId : escalations.recordDue(new Escalations.TicketFacts(
        ticketId,
        ClockExpressions.ticketNumber(execution),
        (String) execution.getVariable(SUBJECT),
        (String) execution.getVariable(PRIORITY),
        (String) execution.getVariable(TIER),
        (String) execution.getVariable(CUSTOMER_NAME),
        team,
        task == null ? null : task.getId(),
        // The record as it is now: a new account manager receives the rungs of tickets already open.
        customers.findById(execution.getVariable(CUSTOMER_ID) instanceof String id ? id : null)
            .map(Customer::accountManagerEmail).orElse(null)))) {
      runtimeService.startProcessInstanceByKey(MAIL_PROCESS_KEY, ticketId,
          Map.of(MAIL_ID, mailId, TICKET_ID, ticketId));
    }
  }
}
