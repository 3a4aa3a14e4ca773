package org.slaescalation.sla;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * Moves a ticket's pending timer jobs to the due instants its clocks give now: after a pause, or when a new
 * priority changed a budget.
 */
@Component
public class TimerSchedule {

  private final ManagementService management;
  private final SlaClocks clocks;

  public TimerSchedule(ManagementService management, SlaClocks clocks) {
    this.management = management;
    this.clocks = clocks;
  }

  public void reschedule(String processInstanceId, long ticket) {
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult();
      TicketProcess.timer(definition.getActivityId()).ifPresent(timer ->
          clocks.find(ticket, timer.clock()).filter(c -> c.stoppedAt() == null).ifPresent(clock -> {
            Instant due = clocks.dueAt(clock, Rung.of(timer.rung()));
            if (job.getDuedate() == null || !job.getDuedate().toInstant().equals(due)) {
              management.setJobDuedate(job.getId(), Date.from(due));
            }
          }));
    }
  }
}
