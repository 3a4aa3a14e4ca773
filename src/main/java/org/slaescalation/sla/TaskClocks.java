package org.slaescalation.sla;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slaescalation.ticket.Outcome;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketVariables;
import org.springframework.stereotype.Component;

/**
 * Task listener on completion of every user task: the team's OLA stint ends (met or breached), or pauses when
 * support waits on the customer; completing triage is the first response.
 */
@Component("taskClocks")
public class TaskClocks implements TaskListener {

  private final SlaClocks clocks;

  public TaskClocks(SlaClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void notify(DelegateTask task) {
    long ticket = TicketClocks.ticketNumber(task);
    TicketProcess.userTask(task.getTaskDefinitionKey()).ifPresent(userTask -> {
      String ola = TicketClock.ola(userTask.team().code());
      if (Outcome.WAITING_ON_CUSTOMER.code().equals(task.getVariable(TicketVariables.OUTCOME))) {
        clocks.pause(ticket, ola);
      } else {
        clocks.stop(ticket, ola);
      }
    });
    if (TicketProcess.TASK_TRIAGE.equals(task.getTaskDefinitionKey())) {
      clocks.stop(ticket, TicketClock.FIRST_RESPONSE);
    }
  }
}
