package org.slaescalation.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.ticket.TicketService;
import org.slaescalation.ticket.TicketVariables;
import org.springframework.beans.factory.annotation.Autowired;

/** An open task of an earlier version gets its ticket's name and row at the next start, once. */
@ApplicationTest
class OpenTasksDisplayTest {

  @Autowired OpenTasksDisplay openTasksDisplay;
  @Autowired TicketService tickets;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;

  @Test
  void aTaskOfAnEarlierVersionIsNamedAfterItsTicketAndShowsItsRow_atTheNextStart() {
    Task task = OpenTickets.atTriage(tickets, engine, OpenTickets.ticket("P2", "bug"));
    String ticketId = (String) taskService.getVariable(task.getId(), TicketVariables.TICKET_ID);
    // As an earlier version created it: the model's name, no copies of the row's variables.
    task.setName("Triage ticket");
    taskService.saveTask(task);
    taskService.removeVariablesLocal(task.getId(), TicketVariables.TASKLIST_ROW);

    openTasksDisplay.run(null);

    Task updated = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(updated.getName()).isEqualTo("Triage " + ticketId);
    assertThat(taskService.getVariablesLocal(task.getId(), TicketVariables.TASKLIST_ROW))
        .containsEntry(TicketVariables.TICKET_ID, ticketId).containsEntry(TicketVariables.SUBJECT, "Checkout fails")
        .containsEntry(TicketVariables.CUSTOMER_NAME, "ACME").containsEntry(TicketVariables.PRIORITY, "P2")
        .containsKey(TicketVariables.TIER);

    int revision = ((TaskEntity) updated).getRevision();
    openTasksDisplay.run(null);
    assertThat(((TaskEntity) taskService.createTaskQuery().taskId(task.getId()).singleResult()).getRevision())
        .as("a second start changes nothing").isEqualTo(revision);
  }
}
