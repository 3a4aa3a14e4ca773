package org.slaescalation.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.ticket.NewTicket;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketService;

/** Tickets opened for a test through the service, as the intake API opens them, and brought to triage. */
public final class OpenTickets {

  private OpenTickets() {}

  /** A ticket of ACME (a standard customer), in the given priority and category. */
  public static NewTicket ticket(String priority, String category) {
    return new NewTicket(null, "Checkout fails", "HTTP 500 on every order", priority, category,
        new NewTicket.Customer("acme", "ACME", "ops@acme.example", "standard", "Europe/Amsterdam"));
  }

  /** Opens the ticket and runs its jobs (the job executor is off in tests): its triage task, waiting for support. */
  public static Task atTriage(TicketService tickets, ProcessEngine engine, NewTicket ticket) {
    String id = tickets.open(ticket).id();
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .singleResult().getId();
    Api.executeJobs(engine.getManagementService(), instance);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(TicketProcess.TASK_TRIAGE);
    return task;
  }

  public static Task atTriage(TicketService tickets, ProcessEngine engine) {
    return atTriage(tickets, engine, ticket("P3", "bug"));
  }
}
