package org.slaescalation.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ladder.Ladder;
import org.slaescalation.ladder.Rung;
import org.springframework.stereotype.Component;

/**
 * The ladder timers of a ticket: the due date of each (from the clock and rung its properties name, see
 * {@link LadderTimerMap}), and moving them when a clock pauses, resumes or gets a new budget. Public engine API
 * only: job and job definition queries, {@code setJobDuedate}, the model instance of the process definition.
 */
@Component
public class LadderTimers {

  /** Where the timers of a paused clock wait (Cockpit shows it as their due date) until the pause ends. */
  public static final Instant HELD = Instant.parse("9999-12-31T00:00:00Z");

  private final RepositoryService repository;
  private final ManagementService management;
  private final ClockStints stints;
  private final Ladder ladder;
  private final Map<String, Map<String, LadderTimerMap.Timer>> byDefinition = new ConcurrentHashMap<>();
  private final Map<String, java.util.Set<String>> otherByDefinition = new ConcurrentHashMap<>();

  public LadderTimers(RepositoryService repository, ManagementService management, ClockStints stints,
      Ladder ladder) {
    this.repository = repository;
    this.management = management;
    this.stints = stints;
    this.ladder = ladder;
  }

  /** The timer {@code timerId} of process definition {@code definitionId}; fails naming a timer with no mapping. */
  public LadderTimerMap.Timer timer(String definitionId, String timerId) {
    LadderTimerMap.Timer timer = timers(definitionId).get(timerId);
    if (timer == null) {
      throw new IllegalStateException("Timer " + timerId + " is not a timer event of process definition "
          + definitionId);
    }
    return timer;
  }

  /** Moves every pending timer of the ticket to the instant its clock gives now. */
  public void reschedule(String processInstanceId, long ticket) {
    ticketTimers(processInstanceId).forEach((job, timer) -> stints.open(ticket, timer.clock())
        .filter(stint -> !stint.isPaused()).ifPresent(stint -> move(job, dueAt(timer, stint))));
  }

  /**
   * Holds the timers of {@code clock} while it is paused: they wait at {@link #HELD} (when a pause would end if it
   * never did), so that a rung whose old due instant passes during the pause does not fire but moves with the pause.
   * (Suspending the jobs instead would need a bulk update and an entity update of the same job in one transaction
   * on release, which the engine refuses as a concurrent change.)
   */
  public void hold(String processInstanceId, ClockName clock) {
    ticketTimers(processInstanceId).forEach((job, timer) -> {
      if (timer.clock().equals(clock)) {
        move(job, HELD);
      }
    });
  }

  /** Lets the held timers of {@code clock} run again, at the due instants the clock gives now. */
  public void release(String processInstanceId, long ticket, ClockName clock) {
    ticketTimers(processInstanceId).forEach((job, timer) -> {
      if (timer.clock().equals(clock)) {
        stints.open(ticket, clock).ifPresent(stint -> move(job, dueAt(timer, stint)));
      }
    });
  }

  /** When {@code timer} falls due on {@code stint}; a rung the stint does not have falls back to its breach. */
  public Instant dueAt(LadderTimerMap.Timer timer, ClockStint stint) {
    return ladder.dueAt(stint, timer.rung())
        .orElseGet(() -> ladder.dueAt(stint, Rung.BREACH).orElseThrow());
  }

  private void move(Job job, Instant due) {
    if (job.getDuedate() == null || !job.getDuedate().toInstant().equals(due)) {
      management.setJobDuedate(job.getId(), Date.from(due));
    }
  }

  private java.util.Set<String> otherTimers(String definitionId) {
    return otherByDefinition.computeIfAbsent(definitionId,
        id -> LadderTimerMap.otherTimers(repository.getBpmnModelInstance(id)));
  }

  private Map<String, LadderTimerMap.Timer> timers(String definitionId) {
    return byDefinition.computeIfAbsent(definitionId,
        id -> LadderTimerMap.timers(repository.getBpmnModelInstance(id)));
  }

  /** The ticket's timer jobs and what each waits for, with one query for the jobs and one for their definitions. */
  private Map<Job, LadderTimerMap.Timer> ticketTimers(String processInstanceId) {
    List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).timers().list();
    if (jobs.isEmpty()) {
      return Map.of();
    }
    String definitionId = jobs.get(0).getProcessDefinitionId();
    Map<String, String> activities = management.createJobDefinitionQuery()
        .processDefinitionId(definitionId).list().stream()
        .collect(Collectors.toMap(JobDefinition::getId, JobDefinition::getActivityId));
    Map<String, LadderTimerMap.Timer> timers = timers(definitionId);
    Map<Job, LadderTimerMap.Timer> byJob = new java.util.LinkedHashMap<>();
    java.util.Set<String> others = otherTimers(definitionId);
    for (Job job : jobs) {
      String activity = activities.get(job.getJobDefinitionId());
      if (others.contains(activity)) {
        continue;
      }
      LadderTimerMap.Timer timer = activity == null ? null : timers.get(activity);
      if (timer == null) {
        throw new IllegalStateException("Timer job " + job.getId() + " (" + activity + ") of process instance "
            + processInstanceId + " has no clock and rung");
      }
      byJob.put(job, timer);
    }
    return byJob;
  }
}
