package org.slaescalation.process;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.slaescalation.staffing.TeamTasks;
import org.slaescalation.ticket.Coded;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * A team's tasks from the engine's task history ({@code ACT_HI_TASKINST}): the ticket process's user tasks whose
 * candidate group is the team ({@link TicketProcess#userTasks()}), by creation time. Identity links are not in the
 * history at the service's history level, so the team comes from the task definition, as the model assigns it. A
 * task counts as ended only when it was completed, not when its ticket was cancelled.
 *
 * <p>When an agent took the task comes from the user operation log ({@code ACT_HI_OP_LOG}, which the history level
 * {@code audit-with-operation-log} keeps): its entries of property {@code assignee} (a claim in Tasklist, an
 * assignment by a lead; an unclaim sets it to none). The task history has only the last assignee, not when it came,
 * and the identity link history is kept at level {@code full} only. The engine writes the log for authenticated
 * users (Tasklist, the REST API and the service's pages are); a claim without one is not recorded, and such a task
 * counts from its creation ({@link TeamTask#handlingStarted()}).
 */
@Component
class EngineTeamTasks implements TeamTasks {

  private static final String COMPLETED = "completed";
  private static final String ASSIGNEE = "assignee";

  private final HistoryService historyService;

  EngineTeamTasks(HistoryService historyService) {
    this.historyService = historyService;
  }

  @Override
  public List<TeamTask> created(String team, Instant from, Instant to) {
    String[] keys = TicketProcess.userTasks().values().stream()
        .filter(task -> task.team().code().equals(team) && task.isWork())
        .map(TicketProcess.UserTask::id)
        .sorted()
        .toArray(String[]::new);
    if (keys.length == 0) {
      return List.of();
    }
    List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
        .processDefinitionKey(TicketProcess.PROCESS_KEY)
        .taskDefinitionKeyIn(keys)
        .startedAfter(Date.from(from))
        .startedBefore(Date.from(to))
        .orderByHistoricActivityInstanceStartTime().asc()
        .list().stream()
        .filter(task -> !task.getStartTime().toInstant().isBefore(from) && task.getStartTime().toInstant().isBefore(to))
        .toList();
    Map<String, Instant> claimed = claimed(from);
    return tasks.stream().map(task -> teamTask(task, claimed.get(task.getId()))).toList();
  }

  /**
   * Per task, the start of its last unbroken stretch with an assignee, from the assignee changes logged since
   * {@code from} (a task of the window is claimed after it was created): a reassignment from one agent to another
   * keeps the stretch going, an unclaim ends it, and the next claim starts a new one.
   */
  private Map<String, Instant> claimed(Instant from) {
    Map<String, Instant> since = new HashMap<>();
    historyService.createUserOperationLogQuery()
        .processDefinitionKey(TicketProcess.PROCESS_KEY)
        .entityType(EntityTypes.TASK)
        .property(ASSIGNEE)
        .afterTimestamp(Date.from(from.minusMillis(1)))
        .orderByTimestamp().asc()
        .list().forEach(change -> assigneeChanged(since, change));
    return since;
  }

  private static void assigneeChanged(Map<String, Instant> since, UserOperationLogEntry change) {
    if (change.getTaskId() == null) {
      return;
    }
    if (change.getNewValue() == null || change.getNewValue().isEmpty()) {
      since.remove(change.getTaskId());
    } else {
      since.putIfAbsent(change.getTaskId(), change.getTimestamp().toInstant());
    }
  }

  private static TeamTask teamTask(HistoricTaskInstance task, Instant claimed) {
    Instant ended = task.getEndTime() != null && Objects.equals(COMPLETED, task.getDeleteReason())
        ? task.getEndTime().toInstant() : null;
    String priority = TicketUrgency.priorityOf(task.getPriority()).map(Coded::code).orElse(null);
    return new TeamTask(task.getStartTime().toInstant(), claimed, ended, priority);
  }
}
