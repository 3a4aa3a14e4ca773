package org.slaescalation.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.slaescalation.staffing.TeamTasks;
import org.slaescalation.ticket.Coded;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * A team's tasks from the engine's task history ({@code ACT_HI_TASKINST}): the ticket process's user tasks whose
 * candidate group is the team ({@link TicketProcess#userTasks()}), by creation time. Identity links are not in the
 * history at the service's history level, so the team comes from the task definition, as the model assigns it. A
 * task counts as ended only when it was completed, not when its ticket was cancelled.
 */
@Component
class EngineTeamTasks implements TeamTasks {

  private static final String COMPLETED = "completed";

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
    return historyService.createHistoricTaskInstanceQuery()
        .processDefinitionKey(TicketProcess.PROCESS_KEY)
        .taskDefinitionKeyIn(keys)
        .startedAfter(Date.from(from))
        .startedBefore(Date.from(to))
        .orderByHistoricActivityInstanceStartTime().asc()
        .list().stream()
        .filter(task -> !task.getStartTime().toInstant().isBefore(from) && task.getStartTime().toInstant().isBefore(to))
        .map(EngineTeamTasks::teamTask)
        .toList();
  }

  private static TeamTask teamTask(HistoricTaskInstance task) {
    Instant ended = task.getEndTime() != null && Objects.equals(COMPLETED, task.getDeleteReason())
        ? task.getEndTime().toInstant() : null;
    String priority = TicketUrgency.priorityOf(task.getPriority()).map(Coded::code).orElse(null);
    return new TeamTask(task.getStartTime().toInstant(), ended, priority);
  }
}
