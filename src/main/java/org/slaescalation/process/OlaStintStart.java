package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.PRIORITY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * Execution listener on the sequence flow into each team's task: the team's OLA stint starts (or a paused one
 * resumes) as the ticket reaches the team, before the task and its timers exist, so that their due dates only read
 * it. The budget comes from decision OlaBudget for the team and the ticket's priority.
 */
@Component("olaStintStart")
public class OlaStintStart implements ExecutionListener {

  private final ClockStints stints;
  private final OlaDeadlines olaDeadlines;

  public OlaStintStart(ClockStints stints, OlaDeadlines olaDeadlines) {
    this.stints = stints;
    this.olaDeadlines = olaDeadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!(execution.getBpmnModelElementInstance() instanceof SequenceFlow flow)) {
      throw new IllegalStateException("olaStintStart listens on the sequence flow into a team's task, not on "
          + execution.getCurrentActivityId());
    }
    String target = flow.getTarget().getId();
    TicketProcess.UserTask task = TicketProcess.userTask(target).orElseThrow(() -> new IllegalStateException(
        "Sequence flow " + flow.getId() + " leads to " + target + ", which is not a team's task"));
    String team = task.team().code();
    String priority = (String) execution.getVariable(PRIORITY);
    stints.startOrResumeOla(ClockExpressions.ticketNumber(execution), team, flow.getId(), () -> olaDeadlines.budget(team, priority));
  }
}
