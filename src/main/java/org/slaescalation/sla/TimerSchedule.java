package org.slaescalation.sla;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    ticketTimers(processInstanceId).forEach((job, timer) ->
        clocks.find(ticket, timer.clock()).filter(c -> c.stoppedAt() == null).ifPresent(clock -> {
          Instant due = clocks.dueAt(clock, Rung.of(timer.rung()));
          if (job.getDuedate() == null || !job.getDuedate().toInstant().equals(due)) {
            management.setJobDuedate(job.getId(), Date.from(due));
          }
        }));
  }

  /**
   * Holds the timers of {@code clock} while it is paused: a suspended job is not acquired, so a rung whose old due
   * instant passes during the pause does not fire (and get lost) but moves with the pause. Runs inside the engine
   * command of the listener that pauses the clock.
   */
  public void hold(String processInstanceId, String clock) {
    ticketTimers(processInstanceId).forEach((job, timer) -> {
      if (timer.clock().equals(clock)) {
        jobEntity(job).setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
      }
    });
  }

  /**
   * Lets the held timers of {@code clock} run again at the due instants the clock gives now. Runs inside the engine
   * command of the listener that resumes the clock, changing each job once (due date and state together).
   */
  public void release(String processInstanceId, long ticket, String clock) {
    TicketClock current = clocks.find(ticket, clock).orElse(null);
    ticketTimers(processInstanceId).forEach((job, timer) -> {
      if (!timer.clock().equals(clock)) {
        return;
      }
      JobEntity entity = jobEntity(job);
      if (current != null && current.stoppedAt() == null) {
        entity.setDuedate(Date.from(clocks.dueAt(current, Rung.of(timer.rung()))));
      }
      entity.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
    });
  }

  private static JobEntity jobEntity(Job job) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("Timers are held and released from inside the engine (an execution listener)");
    }
    return context.getJobManager().findJobById(job.getId());
  }

  /** The ticket's timer jobs and what each waits for, with one query for the jobs and one for their definitions. */
  private Map<Job, TicketProcess.Timer> ticketTimers(String processInstanceId) {
    List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).timers().list();
    if (jobs.isEmpty()) {
      return Map.of();
    }
    Map<String, String> activities = management.createJobDefinitionQuery()
        .processDefinitionId(jobs.get(0).getProcessDefinitionId()).list().stream()
        .collect(Collectors.toMap(JobDefinition::getId, JobDefinition::getActivityId));
    Map<Job, TicketProcess.Timer> timers = new LinkedHashMap<>();
    for (Job job : jobs) {
      String activity = activities.get(job.getJobDefinitionId());
      if (activity != null) {
        TicketProcess.timer(activity).ifPresent(timer -> timers.put(job, timer));
      }
    }
    return timers;
  }
}
