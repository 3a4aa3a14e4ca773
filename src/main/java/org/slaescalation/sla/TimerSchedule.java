package org.slaescalation.sla;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
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
      timer(job).ifPresent(timer ->
          clocks.find(ticket, timer.clock()).filter(c -> c.stoppedAt() == null).ifPresent(clock -> {
            Instant due = clocks.dueAt(clock, Rung.of(timer.rung()));
            if (job.getDuedate() == null || !job.getDuedate().toInstant().equals(due)) {
              management.setJobDuedate(job.getId(), Date.from(due));
            }
          }));
    }
  }

  /**
   * Holds the timers of {@code clock} while it is paused: a suspended job is not acquired, so a rung whose old due
   * instant passes during the pause does not fire (and get lost) but moves with the pause. Runs inside the engine
   * command of the listener that pauses the clock.
   */
  public void hold(String processInstanceId, String clock) {
    for (Job job : timersOf(processInstanceId, clock)) {
      jobEntity(job).setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
    }
  }

  /**
   * Lets the held timers of {@code clock} run again at the due instants the clock gives now. Runs inside the engine
   * command of the listener that resumes the clock, changing each job once (due date and state together).
   */
  public void release(String processInstanceId, long ticket, String clock) {
    TicketClock current = clocks.find(ticket, clock).orElse(null);
    for (Job job : timersOf(processInstanceId, clock)) {
      JobEntity entity = jobEntity(job);
      timer(job).filter(t -> current != null && current.stoppedAt() == null)
          .ifPresent(timer -> entity.setDuedate(Date.from(clocks.dueAt(current, Rung.of(timer.rung())))));
      entity.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
    }
  }

  private static JobEntity jobEntity(Job job) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("Timers are held and released from inside the engine (an execution listener)");
    }
    return context.getJobManager().findJobById(job.getId());
  }

  private java.util.List<Job> timersOf(String processInstanceId, String clock) {
    return management.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
        .filter(job -> timer(job).filter(t -> t.clock().equals(clock)).isPresent())
        .toList();
  }

  private java.util.Optional<TicketProcess.Timer> timer(Job job) {
    JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult();
    return definition == null ? java.util.Optional.empty() : TicketProcess.timer(definition.getActivityId());
  }
}
