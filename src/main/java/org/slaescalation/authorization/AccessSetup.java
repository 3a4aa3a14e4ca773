package org.slaescalation.authorization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.TicketProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start and idempotently, the groups {@code integration} and {@code metrics} (the systems' roles)
 * and the authorizations of every role
 * (the table under <i>Security</i> in docs/operations.md): it adds what is missing and never removes what an
 * administrator granted on top. Runs after {@code team.TeamSetup}, which creates the team and lead groups and the
 * filters.
 *
 * <p>It also grants the open ticket tasks that have no authorization at all, for example tasks created while
 * authorization checks were off (an installation upgraded from a version without them): their team, its leads and
 * their assignee get what {@link TeamTaskAuthorizations} gives a new task.
 */
@Component
@Order(12)
class AccessSetup implements ApplicationRunner {

  /** One authorization of the shipped roles; {@code what} names the resource for the log. */
  record Grant(String group, Resource resource, String resourceId, String what, Permission... permissions) {

    Grant(String group, Resource resource, String resourceId, Permission... permissions) {
      this(group, resource, resourceId, resourceId, permissions);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);
  private static final String TASKLIST = "tasklist";

  private final AuthorizationService authorizations;
  private final IdentityService identityService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final ManagementService managementService;

  AccessSetup(AuthorizationService authorizations, IdentityService identityService, FilterService filterService,
      TaskService taskService, ManagementService managementService) {
    this.authorizations = authorizations;
    this.identityService = identityService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  @Override
  public void run(ApplicationArguments args) {
    createSystemGroup(Roles.INTEGRATION, "Integrations (ticket API)");
    // No grant: a scraper reads /actuator/prometheus (SecurityConfiguration) and nothing of the engine.
    createSystemGroup(Roles.METRICS, "Metrics scrapers (/actuator/prometheus)");
    grants().forEach(this::ensure);
    grantOpenTasksWithoutAuthorizations();
  }

  /** The authorizations of the shipped roles, beyond what the engine grants per task and per user. */
  List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(Roles.ADMINISTRATORS, resource, Authorization.ANY, Permissions.ALL));
    }
    for (Team team : Team.values()) {
      String queueName = TasklistFilters.queue(team);
      String queue = filterId(queueName);
      String myTasks = filterId(TasklistFilters.MY_TASKS);
      grants.add(new Grant(team.code(), Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
      grants.add(team == Team.SUPPORT
          // Support opens tickets from Tasklist (the start form Open ticket, security.TicketStartForm).
          ? new Grant(team.code(), Resources.PROCESS_DEFINITION, TicketProcess.PROCESS_KEY,
              ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)
          : new Grant(team.code(), Resources.PROCESS_DEFINITION, TicketProcess.PROCESS_KEY,
              ProcessDefinitionPermissions.READ));
      if (team == Team.SUPPORT) {
        grants.add(new Grant(team.code(), Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE));
        String waiting = filterId(TasklistFilters.WAITING_ON_CUSTOMER);
        grants.add(new Grant(team.code(), Resources.FILTER, waiting, "'" + TasklistFilters.WAITING_ON_CUSTOMER + "'",
            Permissions.READ));
        grants.add(new Grant(team.leadsGroup(), Resources.FILTER, waiting,
            "'" + TasklistFilters.WAITING_ON_CUSTOMER + "'", Permissions.READ));
      }
      grants.add(new Grant(team.code(), Resources.FILTER, queue, "'" + queueName + "'", Permissions.READ));
      grants.add(new Grant(team.code(), Resources.FILTER, myTasks, "'" + TasklistFilters.MY_TASKS + "'",
          Permissions.READ));

      String leads = team.leadsGroup();
      grants.add(new Grant(leads, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
      // READ_INSTANCE: a lead reads every ticket (as GET /api/tickets/{id} lets them), so that "All open tickets"
      // shows the row of another team's task, not only its name (TasklistFiltersTest).
      grants.add(new Grant(leads, Resources.PROCESS_DEFINITION, TicketProcess.PROCESS_KEY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.READ_INSTANCE));
      grants.add(new Grant(leads, Resources.FILTER, queue, "'" + queueName + "'", Permissions.READ));
      grants.add(new Grant(leads, Resources.FILTER, myTasks, "'" + TasklistFilters.MY_TASKS + "'",
          Permissions.READ));
      grants.add(new Grant(leads, Resources.FILTER, filterId(TasklistFilters.ALL_OPEN_TICKETS),
          "'" + TasklistFilters.ALL_OPEN_TICKETS + "'", Permissions.READ));
      // To pick the agent a task goes to when reassigning it.
      grants.add(new Grant(leads, Resources.USER, Authorization.ANY, Permissions.READ));
    }
    return grants;
  }

  private String filterId(String name) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      throw new IllegalStateException("The Tasklist filter '" + name + "' does not exist; TeamSetup creates it");
    }
    return filter.getId();
  }

  private void createSystemGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
      LOG.info("Created group '{}'", id);
    }
  }

  private void ensure(Grant grant) {
    ensure(grant.group(), null, grant.resource(), grant.resourceId(), grant.what(), grant.permissions());
  }

  private void ensure(String groupId, String userId, Resource resource, String resourceId, Permission... permissions) {
    ensure(groupId, userId, resource, resourceId, resourceId, permissions);
  }

  /** Grants {@code permissions} to the group or user, adding them to an existing grant of the same resource. */
  private void ensure(String groupId, String userId, Resource resource, String resourceId, String what,
      Permission... permissions) {
    var query = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(resource)
        .resourceId(resourceId);
    Authorization existing = (groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId)).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    boolean missing = existing == null;
    for (Permission permission : permissions) {
      if (existing == null || !existing.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (!missing) {
      return;
    }
    if (existing == null) {
      authorization.setGroupId(groupId);
      authorization.setUserId(userId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    authorizations.saveAuthorization(authorization);
    LOG.info("Granted {} {} on {} {}", groupId != null ? "group " + groupId : "user " + userId,
        Arrays.stream(permissions).map(Permission::getName).toList(), resource.resourceName(), what);
  }

  private void grantOpenTasksWithoutAuthorizations() {
    String tasks = managementService.getTableName(Task.class);
    String grants = managementService.getTableName(AuthorizationEntity.class);
    List<Task> ungranted = taskService.createNativeTaskQuery()
        .sql("select T.* from " + tasks + " T where not exists (select 1 from " + grants + " A"
            + " where A.RESOURCE_TYPE_ = #{taskResource} and A.RESOURCE_ID_ = T.ID_)")
        .parameter("taskResource", Resources.TASK.resourceType())
        .list();
    for (Task task : ungranted) {
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          ensure(link.getGroupId(), null, Resources.TASK, task.getId(), TeamTaskAuthorizations.AGENT_TASK_PERMISSIONS);
          ensure(link.getGroupId(), null, Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ);
          Team.fromCode(link.getGroupId()).ifPresent(team -> {
            ensure(team.leadsGroup(), null, Resources.TASK, task.getId(), TeamTaskAuthorizations.LEAD_TASK_PERMISSIONS);
            ensure(team.leadsGroup(), null, Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ);
          });
        }
      }
      if (task.getAssignee() != null) {
        ensure(null, task.getAssignee(), Resources.TASK, task.getId(), TeamTaskAuthorizations.AGENT_TASK_PERMISSIONS);
        ensure(null, task.getAssignee(), Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ);
      }
    }
    if (!ungranted.isEmpty()) {
      LOG.info("Granted {} open task(s) that had no authorization to their teams, leads and assignees",
          ungranted.size());
    }
  }
}
