package org.slaescalation.authorization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slaescalation.ticket.TicketProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.slaescalation.team.Team;

/**
 * Creates what every installation needs, once: a Camunda group per team and one for its leads, and the Tasklist
 * filters (one queue per team, "My tasks" and "All open tickets"), each sorted by priority, then due date, and each
 * showing the ticket in every row ({@link TasklistFilters#ROW_VARIABLES}). A filter that exists already, from an
 * earlier version, gets those row variables at start-up, first and with their labels; the rest of its properties,
 * its query and the variables an administrator added stay. Nodes starting together run this one after the other
 * ({@code engine.StartupLock}). Who may read which filter is granted by {@code authorization.AccessSetup}.
 */
@Component
@Order(10)
class TeamSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TeamSetup.class);

  private final IdentityService identityService;
  private final FilterService filterService;
  private final TaskService taskService;

  TeamSetup(IdentityService identityService, FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Team team : Team.values()) {
      createGroup(team.code(), team.displayName());
      createGroup(team.leadsGroup(), team.displayName() + " leads");
    }
    int priority = -10;
    for (Team team : Team.values()) {
      TaskQuery queue = ticketTasks().taskCandidateGroup(team.code()).includeAssignedTasks();
      if (team == Team.SUPPORT) {
        // Waiting on the customer is not work in the queue: it has its own filter.
        queue.taskDefinitionKeyIn(TicketProcess.userTasks().values().stream()
            .filter(task -> task.team() == Team.SUPPORT && task.isWork())
            .map(TicketProcess.UserTask::id).sorted().toArray(String[]::new));
      }
      ensureFilter(TasklistFilters.queue(team), priority++,
          "Open tickets waiting for the " + team.code() + " team, most urgent first", queue,
          TasklistFilters.ROW_VARIABLES);
    }
    ensureFilter(TasklistFilters.WAITING_ON_CUSTOMER, priority++,
        "Tickets waiting for the customer's answer; the one that closes first on top",
        taskService.createTaskQuery().processDefinitionKey(TicketProcess.PROCESS_KEY)
            .taskDefinitionKey(TicketProcess.TASK_AWAIT_CUSTOMER).orderByDueDate().asc(),
        TasklistFilters.WAITING_ROW_VARIABLES);
    ensureFilter(TasklistFilters.MY_TASKS, priority++, "Tasks assigned to me",
        ticketTasks().taskAssigneeExpression("${currentUser()}"), TasklistFilters.ROW_VARIABLES);
    ensureFilter(TasklistFilters.ALL_OPEN_TICKETS, priority, "Every open ticket task of every team (team leads)",
        ticketTasks(), TasklistFilters.ROW_VARIABLES);
  }

  private TaskQuery ticketTasks() {
    return taskService.createTaskQuery()
        .processDefinitionKey(TicketProcess.PROCESS_KEY)
        .orderByTaskPriority().desc()
        .orderByDueDate().asc();
  }

  private void createGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
    LOG.info("Created group '{}'", id);
  }

  private void ensureFilter(String name, int priority, String description, TaskQuery query,
      List<TasklistFilters.RowVariable> rows) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      showTicketInRows(existing, rows);
      return;
    }
    Filter filter = filterService.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of("priority", priority, "description", description, "refresh", true,
            "variables", TasklistFilters.rowVariables(rows, List.of())));
    filterService.saveFilter(filter);
    LOG.info("Created Tasklist filter '{}'", name);
  }

  /** Brings the row variables of a filter up to date; saves nothing when they are. */
  private void showTicketInRows(Filter filter, List<TasklistFilters.RowVariable> rows) {
    Map<String, Object> properties = filter.getProperties() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(filter.getProperties());
    List<?> current = properties.get("variables") instanceof List<?> list ? list : List.of();
    List<Map<String, Object>> wanted = TasklistFilters.rowVariables(rows, current);
    if (wanted.equals(current)) {
      return;
    }
    properties.put("variables", wanted);
    filterService.saveFilter(filter.setProperties(properties));
    LOG.info("Tasklist filter '{}' shows {} in every row", filter.getName(),
        wanted.stream().map(variable -> variable.get("name")).toList());
  }
}
