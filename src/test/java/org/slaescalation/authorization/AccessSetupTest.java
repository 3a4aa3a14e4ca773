package org.slaescalation.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The grants of the roles: created once, again at every start without change, and given to old tasks too. */
@ApplicationTest
class AccessSetupTest {

  @LocalServerPort int port;
  @Autowired AccessSetup accessSetup;
  @Autowired AuthorizationService authorizationService;
  @Autowired TicketService tickets;
  @Autowired TaskService taskService;
  @Autowired ProcessEngine engine;

  @Test
  void aNewTeamTaskIsGrantedToItsTeamAndItsLeadsOnly() {
    Task task = triageTask();

    assertThat(grants(task)).extracting(a -> a.getGroupId() + " " + a.getUserId())
        .containsExactlyInAnyOrder("support null", "support-leads null");
    Authorization agents = grant(task, "support");
    assertThat(agents.isPermissionGranted(TaskPermissions.READ)).isTrue();
    assertThat(agents.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(agents.isPermissionGranted(TaskPermissions.TASK_ASSIGN)).isFalse();
    assertThat(agents.isPermissionGranted(TaskPermissions.UPDATE)).isFalse();
    assertThat(grant(task, "support-leads").isPermissionGranted(TaskPermissions.TASK_ASSIGN)).isTrue();
  }

  @Test
  void aNewUserMayReadAndUpdateTheirOwnProfileButNotDeleteIt(@Autowired IdentityService identityService) {
    String id = "selfgrant" + System.nanoTime();
    User user = identityService.newUser(id);
    user.setPassword("a-first-password-1");
    identityService.saveUser(user);

    Authorization own = authorizationService.createAuthorizationQuery().resourceType(Resources.USER).resourceId(id)
        .userIdIn(id).singleResult();

    assertThat(own.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(own.isPermissionGranted(Permissions.UPDATE)).isTrue();
    assertThat(own.isPermissionGranted(Permissions.DELETE)).isFalse();
  }

  @Test
  void aTaskAssignedToAnAgentOfAnotherTeamIsTheirsToWork() {
    Task task = triageTask();

    taskService.setAssignee(task.getId(), "erin");

    WebSession erin = WebSession.webapps(port, "erin");
    assertThat(erin.get("/camunda/api/engine/engine/default/task/" + task.getId()).status()).isEqualTo(200);
    assertThat(erin.get("/camunda/api/engine/engine/default/task?assignee=erin").jsonList())
        .extracting(t -> t.get("id")).contains(task.getId());
  }

  @Test
  void startingAgainChangesNoGrant() {
    long before = authorizationService.createAuthorizationQuery().count();

    accessSetup.run(null);

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
  }

  @Test
  void anOpenTaskWithoutGrantsGetsThemAtStartUp() {
    // As after an upgrade from a version without authorization checks: the engine granted nothing.
    Task task = triageTask();
    grants(task).forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
    assertThat(WebSession.webapps(port, "sam").get("/camunda/api/engine/engine/default/task/" + task.getId())
        .status()).isEqualTo(404);

    accessSetup.run(null);

    assertThat(grants(task)).extracting(Authorization::getGroupId)
        .containsExactlyInAnyOrder("support", "support-leads");
    assertThat(WebSession.webapps(port, "sam").get("/camunda/api/engine/engine/default/task/" + task.getId())
        .status()).isEqualTo(200);
  }

  private Task triageTask() {
    return OpenTickets.atTriage(tickets, engine, OpenTickets.ticket("P4", "billing"));
  }

  private List<Authorization> grants(Task task) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list();
  }

  private Authorization grant(Task task, String group) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
        .groupIdIn(group).singleResult();
  }
}
