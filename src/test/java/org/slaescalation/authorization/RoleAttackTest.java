package org.slaescalation.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.Deployments;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.TestUsers;
import org.slaescalation.support.WebSession;
import org.slaescalation.support.WebSession.Response;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks of a support agent who logged in to Tasklist and calls the webapps' own REST API with the session,
 * as Tasklist's pages do (the CSRF token included): everything beyond working on the support team's tasks is
 * refused by the engine's authorization checks, and nothing changes.
 */
@ApplicationTest
class RoleAttackTest {

  static final String ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired TicketService tickets;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;

  WebSession sam;
  Task supportTask;
  Task engineeringTask;
  /** A second support agent, whom the support lead may give a task to. */
  String sasha;

  @BeforeEach
  void twoTicketsAndALoggedInAgent() {
    supportTask = OpenTickets.atTriage(tickets, engine, OpenTickets.ticket("P2", "incident"));
    Task handedOff = OpenTickets.atTriage(tickets, engine, OpenTickets.ticket("P2", "incident"));
    taskService.complete(handedOff.getId(), Map.of("outcome", "handoff-engineering", "internalNote", "Reproduced"));
    engineeringTask = taskService.createTaskQuery().processInstanceId(handedOff.getProcessInstanceId())
        .singleResult();
    assertThat(engineeringTask.getTaskDefinitionKey()).isEqualTo(TicketProcess.TASK_INVESTIGATE);
    sam = WebSession.webapps(port, "sam");
    assertThat(sam.loginStatus()).isEqualTo(200);
    sasha = TestUsers.create(identityService, "sasha", "sasha-password", Team.SUPPORT.code());
  }

  @Test
  void anAgentCannotDeployCode() {
    String name = "pwned-" + UUID.randomUUID();

    Response answer = sam.send("POST", ENGINE + "/deployment/create",
        Deployments.body(name, Deployments.attackerModel("pwned")), Deployments.CONTENT_TYPE, Map.of());

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
  }

  @Test
  void anAgentCannotDeleteOrSuspendATicket() {
    String instance = engineeringTask.getProcessInstanceId();

    assertThat(sam.delete(ENGINE + "/process-instance/" + instance).status()).isEqualTo(403);
    assertThat(sam.putJson(ENGINE + "/process-instance/" + instance + "/suspended", "{\"suspended\": true}")
        .status()).isEqualTo(403);
    assertThat(sam.postJson(ENGINE + "/process-instance/" + instance + "/modification",
        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"" + TicketProcess.TASK_INVESTIGATE + "\"}]}")
        .status()).isEqualTo(403);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).active().count()).isOne();
  }

  @Test
  void anAgentCannotManageIdentities() {
    String mallory = "mallory" + System.nanoTime();

    assertThat(sam.postJson(ENGINE + "/user/create", """
        {"profile": {"id": "%s", "firstName": "M", "lastName": "M", "email": "m@example.com"},
         "credentials": {"password": "secret-password-1"}}""".formatted(mallory)).status()).isEqualTo(403);
    // 404 where the group or user is not even visible to sam.
    assertThat(sam.send("PUT", ENGINE + "/group/camunda-admin/members/sam", null, null).status()).isIn(403, 404);
    assertThat(sam.putJson(ENGINE + "/user/erin/credentials",
        "{\"password\": \"taken-over-1\", \"authenticatedUserPassword\": \"sam\"}").status()).isIn(403, 404);
    assertThat(sam.postJson(ENGINE + "/authorization/create", """
        {"type": 1, "permissions": ["ALL"], "userId": "sam", "resourceType": 0, "resourceId": "*"}""")
        .status()).isEqualTo(403);

    assertThat(identityService.createUserQuery().userId(mallory).count()).isZero();
    assertThat(identityService.createUserQuery().userId("sam").memberOfGroup("camunda-admin").count()).isZero();
    assertThat(identityService.checkPassword("erin", "erin")).isTrue();
  }

  @Test
  void anAgentCannotReadOrWorkAnotherTeamsTask() {
    String id = engineeringTask.getId();

    assertThat(sam.get(ENGINE + "/task/" + id).status()).isIn(403, 404);
    assertThat(sam.get(ENGINE + "/task/" + id + "/variables").status()).isEqualTo(403);
    assertThat(sam.get(ENGINE + "/task/" + id + "/form-variables").status()).isEqualTo(403);
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/claim", "{\"userId\": \"sam\"}").status()).isEqualTo(403);
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/complete",
        "{\"variables\": {\"outcome\": {\"value\": \"resolved\"}}}").status()).isEqualTo(403);
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/submit-form",
        "{\"variables\": {\"outcome\": {\"value\": \"resolved\"}}}").status()).isEqualTo(403);

    Task after = taskService.createTaskQuery().taskId(id).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.getAssignee()).isNull();
  }

  @Test
  void anAgentReadsNoTicketDataOutsideTheirTeamsTasks() {
    String instance = engineeringTask.getProcessInstanceId();

    assertThat(sam.get(ENGINE + "/process-instance/" + instance + "/variables").status()).isEqualTo(403);
    assertThat(sam.get(ENGINE + "/execution/" + instance + "/localVariables").status()).isIn(403, 404);
    assertThat(sam.get(ENGINE + "/history/variable-instance?processInstanceId=" + instance).status()).isEqualTo(403);
    assertThat(sam.get(ENGINE + "/history/detail?processInstanceId=" + instance).status()).isEqualTo(403);
    assertThat(sam.get(ENGINE + "/history/process-instance").status()).isEqualTo(403);
    // The history of his team's task, filtered by a variable of the ticket, would tell its value.
    assertThat(sam.get(ENGINE + "/history/task?processInstanceId=" + supportTask.getProcessInstanceId()
        + "&processVariables=subject_eq_Checkout%20fails").status()).isEqualTo(403);
    assertThat(sam.get(ENGINE + "/task?processInstanceId=" + instance).jsonList()).isEmpty();
    assertThat(sam.get(ENGINE + "/history/user-operation?taskId=" + supportTask.getId()).status())
        .as("Tasklist's History tab").isEqualTo(200);
  }

  @Test
  void anAgentChangesTheirTeamsTaskOnlyByWorkingIt() {
    String id = supportTask.getId();
    WebSession sophie = WebSession.webapps(port, "sophie");

    for (WebSession who : List.of(sam, sophie)) {
      Response update = who.putJson(ENGINE + "/task/" + id, "{\"name\": \"Renamed\", \"assignee\": \"sam\","
          + " \"owner\": \"erin\"}");
      assertThat(update.status()).isEqualTo(403);
      assertThat((String) update.json().get("message")).as("what Tasklist shows").contains("may not");
      assertThat(who.postJson(ENGINE + "/task/" + id + "/delegate", "{\"userId\": \"erin\"}").status())
          .isEqualTo(403);
      assertThat(who.postJson(ENGINE + "/task/" + id + "/resolve", "{}").status()).isEqualTo(403);
      assertThat(who.postJson(ENGINE + "/task/" + id + "/identity-links",
          "{\"groupId\": \"engineering\", \"type\": \"candidate\"}").status()).isEqualTo(403);
      assertThat(who.postJson(ENGINE + "/task/" + id + "/identity-links/delete",
          "{\"groupId\": \"support\", \"type\": \"candidate\"}").status()).isEqualTo(403);
      assertThat(who.postJson(ENGINE + "/task/" + id + "/bpmnError", "{\"errorCode\": \"x\"}").status())
          .isEqualTo(403);
      assertThat(who.postJson(ENGINE + "/task/create", "{\"name\": \"Side task\"}").status()).isEqualTo(403);
      assertThat(who.get(ENGINE + "/task/" + id + "/attachment").status()).isEqualTo(403);
    }

    Task after = taskService.createTaskQuery().taskId(id).singleResult();
    assertThat(after.getName()).isEqualTo(supportTask.getName());
    assertThat(after.getAssignee()).isNull();
    assertThat(after.getOwner()).isNull();
    assertThat(taskService.getIdentityLinksForTask(id)).extracting(link -> link.getGroupId())
        .containsExactly("support");
    assertThat(taskService.createTaskQuery().taskName("Side task").count()).isZero();
    assertThat(sam.get(ENGINE + "/task/" + id + "/identity-links").status()).as("reading them is no change")
        .isEqualTo(200);
  }

  @Test
  void aLeadGivesATaskOnlyToAnAgentOfItsTeam() {
    WebSession sophie = WebSession.webapps(port, "sophie");
    String id = supportTask.getId();

    for (String outsider : List.of("erin", "sid", "crm", "no-such-user")) {
      Response answer = sophie.postJson(ENGINE + "/task/" + id + "/assignee", "{\"userId\": \"" + outsider + "\"}");
      assertThat(answer.status()).as(outsider).isEqualTo(403);
      assertThat((String) answer.json().get("message")).contains("not an agent of its team [support]");
    }
    assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
    assertThat(WebSession.webapps(port, "erin").get(ENGINE + "/task/" + id + "/variables").status()).isEqualTo(403);

    assertThat(sophie.postJson(ENGINE + "/task/" + id + "/assignee", "{\"userId\": \"" + sasha + "\"}").status())
        .isEqualTo(204);
    assertThat(sophie.postJson(ENGINE + "/task/" + id + "/assignee", "{\"userId\": null}").status())
        .as("taking it back to the queue").isEqualTo(204);
  }

  @Test
  void nobodyButAnAdministratorEditsOrDeletesAComment() {
    String id = supportTask.getId();
    WebSession sophie = WebSession.webapps(port, "sophie");
    String comment = (String) sophie.postJson(ENGINE + "/task/" + id + "/comment/create",
        "{\"message\": \"Escalate to legal\"}").json().get("id");

    assertThat(sam.putJson(ENGINE + "/task/" + id + "/comment", "{\"id\": \"" + comment + "\", \"message\":"
        + " \"Close without reply\"}").status()).isEqualTo(403);
    assertThat(sam.delete(ENGINE + "/task/" + id + "/comment/" + comment).status()).isEqualTo(403);
    assertThat(sam.delete(ENGINE + "/task/" + id + "/comment").status()).isEqualTo(403);
    assertThat(sophie.delete(ENGINE + "/task/" + id + "/comment").status()).isEqualTo(403);

    assertThat(taskService.getTaskComments(id)).extracting(c -> c.getFullMessage())
        .containsExactly("Escalate to legal");
  }

  @Test
  void aCompletionKeepsTheRulesOfTheForm() {
    String id = supportTask.getId();
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/claim", "{\"userId\": \"sam\"}").status()).isEqualTo(204);

    for (String variables : List.of(
        "\"internalNote\": {\"value\": \"No outcome\"}",
        "\"outcome\": {\"value\": \"handoff-engineering\"}, \"internalNote\": {\"value\": \""
            + "x".repeat(10_001) + "\"}",
        "\"outcome\": {\"value\": \"handoff-engineering\"}, \"customerReply\": {\"value\": \""
            + "x".repeat(10_001) + "\"}",
        "\"outcome\": {\"value\": \"close-silently\"}, \"internalNote\": {\"value\": \"Done\"}",
        "\"outcome\": {\"value\": \"resolved\", \"valueInfo\": {\"transient\": true}},"
            + " \"internalNote\": {\"value\": \"Done\"}")) {
      Response answer = sam.postJson(ENGINE + "/task/" + id + "/complete", "{\"variables\": {" + variables + "}}");

      assertThat(answer.status()).as(variables.substring(0, Math.min(80, variables.length()))).isEqualTo(400);
      assertThat(answer.json()).containsEntry("title", "Invalid form submission");
    }
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/complete", "{}").status()).as("no fields").isEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(id).count()).as("not completed").isOne();

    assertThat(sam.postJson(ENGINE + "/task/" + id + "/complete", "{\"variables\": {\"outcome\": {\"value\":"
        + " \"handoff-engineering\"}, \"internalNote\": {\"value\": \"" + "x".repeat(10_000) + "\"}}}").status())
        .isEqualTo(204);
  }

  @Test
  void whoMayNotReadATaskLearnsNothingOfItsForm() {
    String tampering = "{\"variables\": {\"subject\": {\"value\": \"x\"}}}";
    String id = engineeringTask.getId();

    Response anonymous = WebSession.anonymous(port).postJson("/engine-rest/task/" + id + "/complete", tampering);
    Response webappAnonymous = WebSession.anonymous(port).postJson(ENGINE + "/task/" + id + "/complete", tampering);
    Response otherTeam = sam.postJson(ENGINE + "/task/" + id + "/complete", tampering);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(webappAnonymous.status()).isIn(401, 403);
    assertThat(otherTeam.status()).isEqualTo(403);
    assertThat(List.of(anonymous.body(), webappAnonymous.body(), otherTeam.body()))
        .noneMatch(body -> body.contains(engineeringTask.getName()) || body.contains("form"));
  }

  @Test
  void aTasksPreviousOwnerNoLongerReadsIt() {
    WebSession erin = WebSession.webapps(port, "erin");
    String id = supportTask.getId();
    taskService.setOwner(id, "erin");
    assertThat(erin.get(ENGINE + "/task/" + id).status()).isEqualTo(200);

    taskService.setOwner(id, "sid");

    assertThat(erin.get(ENGINE + "/task/" + id).status()).isIn(403, 404);
    assertThat(erin.get(ENGINE + "/task/" + id + "/variables").status()).isEqualTo(403);
  }

  @Test
  void externalTasksAreNotFetchedThroughTheWebappsApi() {
    WebSession.Response answer = WebSession.webapps(port, "demo", "demo", "cockpit").postJson(
        ENGINE + "/external-task/fetchAndLock", "{\"workerId\": \"w\", \"maxTasks\": 1, \"asyncResponseTimeout\":"
            + " 60000, \"topics\": [{\"topicName\": \"any\", \"lockDuration\": 1000}]}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("/engine-rest");
  }

  @Test
  void anAgentCannotCreateAFilter() {
    String name = "everything-" + UUID.randomUUID();

    Response answer = sam.postJson(ENGINE + "/filter/create",
        "{\"resourceType\": \"Task\", \"name\": \"" + name + "\", \"query\": {}}");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(filterService.createFilterQuery().filterName(name).count()).isZero();
  }

  @Test
  void anAgentWorksTheirTeamsTaskButCannotHandItToSomeoneElse() {
    String id = supportTask.getId();

    assertThat(sam.get(ENGINE + "/task/" + id + "/form-variables").json()).containsKeys("ticketId", "subject");
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/assignee", "{\"userId\": \"sophie\"}").status())
        .isEqualTo(403);
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/claim", "{\"userId\": \"sam\"}").status()).isEqualTo(204);
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/submit-form", """
        {"variables": {"outcome": {"value": "handoff-engineering"}, "internalNote": {"value": "Over to you"}}}""")
        .status()).isEqualTo(204);

    assertThat(taskService.createTaskQuery().taskId(id).count()).isZero();
    Task next = taskService.createTaskQuery().processInstanceId(supportTask.getProcessInstanceId()).singleResult();
    assertThat(next.getTaskDefinitionKey()).isEqualTo(TicketProcess.TASK_INVESTIGATE);
    assertThat(sam.get(ENGINE + "/task/" + next.getId()).status()).as("the ticket left sam's team").isIn(403, 404);
  }

  @Test
  void anEngineerSeesNeitherTheSupportQueueNorItsTasks() {
    WebSession erin = WebSession.webapps(port, "erin");
    String supportQueue = filterService.createFilterQuery().filterName(TasklistFilters.queue(Team.SUPPORT))
        .singleResult().getId();

    List<Map<String, Object>> filters = erin.get(ENGINE + "/filter?resourceType=Task").jsonList();
    assertThat(filters).extracting(f -> f.get("name"))
        .containsExactlyInAnyOrder(TasklistFilters.queue(Team.ENGINEERING), TasklistFilters.MY_TASKS);
    assertThat(erin.postJson(ENGINE + "/filter/" + supportQueue + "/list", "{}").status()).isEqualTo(403);
    assertThat(erin.get(ENGINE + "/task?candidateGroup=support").jsonList()).isEmpty();
    assertThat(erin.get(ENGINE + "/task").jsonList()).extracting(t -> t.get("taskDefinitionKey"))
        .isNotEmpty().containsOnly(TicketProcess.TASK_INVESTIGATE);
  }

  @Test
  void aTeamLeadSeesEveryTicketReadOnlyAndReassignsOnlyTheirTeamsTasks() {
    WebSession sophie = WebSession.webapps(port, "sophie");
    String allOpen = filterService.createFilterQuery().filterName(TasklistFilters.ALL_OPEN_TICKETS)
        .singleResult().getId();

    assertThat(sophie.postJson(ENGINE + "/filter/" + allOpen + "/list?maxResults=1000", "{}").jsonList())
        .extracting(t -> t.get("id")).contains(supportTask.getId(), engineeringTask.getId());
    assertThat(sophie.postJson(ENGINE + "/task/" + engineeringTask.getId() + "/assignee", "{\"userId\": \"erin\"}")
        .status()).isEqualTo(403);
    assertThat(sophie.postJson(ENGINE + "/task/" + engineeringTask.getId() + "/complete", "{}").status())
        .isEqualTo(403);
    assertThat(sophie.postJson(ENGINE + "/task/" + supportTask.getId() + "/assignee", "{\"userId\": \"sam\"}")
        .status()).isEqualTo(204);

    assertThat(taskService.createTaskQuery().taskId(supportTask.getId()).singleResult().getAssignee()).isEqualTo("sam");
    assertThat(taskService.createTaskQuery().taskId(engineeringTask.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void eachRoleOpensOnlyItsWebapps() {
    assertThat(WebSession.webapps(port, "sam", "sam", "cockpit").loginStatus()).isEqualTo(403);
    assertThat(WebSession.webapps(port, "sam", "sam", "admin").loginStatus()).isEqualTo(403);
    assertThat(WebSession.webapps(port, "sophie", "sophie", "cockpit").loginStatus()).isEqualTo(403);
    assertThat(WebSession.webapps(port, "crm", "crm", "tasklist").loginStatus()).isEqualTo(403);
    assertThat(WebSession.webapps(port, "demo", "demo", "cockpit").loginStatus()).isEqualTo(200);
    assertThat(WebSession.webapps(port, "demo", "demo", "admin").loginStatus()).isEqualTo(200);
  }

  @Test
  void anAgentsCompletionSetsOnlyTheFieldsOfTheTasksForm() {
    String id = supportTask.getId();
    String instance = supportTask.getProcessInstanceId();
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/claim", "{\"userId\": \"sam\"}").status()).isEqualTo(204);

    for (String tampering : List.of("\"subject\": {\"value\": \"TAMPERED\"}",
        "\"priority\": {\"value\": \"P1\", \"type\": \"String\"}",
        "\"customerEmail\": {\"value\": \"attacker@evil.example\"}",
        "\"engineeringNote\": {\"value\": \"forged\"}", "\"ticketId\": {\"value\": \"T-10001\"}",
        "\"subject\": {\"value\": 5, \"type\": \"Integer\"}",
        "\"internalNote\": {\"value\": 5, \"type\": \"Integer\"}",
        "\"subject\": {\"value\": \"Checkout fails\", \"type\": \"Json\"}",
        "\"notAField\": {\"value\": null}", "\"" + "x".repeat(5_000) + "\": {\"value\": null}")) {
      WebSession.Response answer = sam.postJson(ENGINE + "/task/" + id + "/submit-form", "{\"variables\": {"
          + "\"outcome\": {\"value\": \"handoff-engineering\"}, " + tampering + "}}");

      assertThat(answer.status()).as(tampering).isEqualTo(400);
      assertThat(answer.json()).containsEntry("title", "Invalid form submission");
    }

    assertThat(taskService.createTaskQuery().taskId(id).count()).as("not completed").isOne();
    assertThat(runtimeService.getVariables(instance)).containsEntry("subject", "Checkout fails")
        .containsEntry("priority", "P2").containsEntry("customerEmail", "ops@acme.example")
        .doesNotContainKey("engineeringNote").doesNotContainKey("x".repeat(5_000));
    // What a form sends back unchanged is no change.
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/submit-form", "{\"variables\": {\"outcome\": {\"value\":"
        + " \"handoff-engineering\"}, \"internalNote\": {\"value\": \"Over\"}, \"subject\": {\"value\":"
        + " \"Checkout fails\"}}}").status()).isEqualTo(204);
  }

  @Test
  void anAgentClaimsForThemselvesOnlyAndGivesBackOnlyTheirOwn() {
    String id = supportTask.getId();
    WebSession sophie = WebSession.webapps(port, "sophie");

    assertThat(sam.postJson(ENGINE + "/task/" + id + "/claim", "{\"userId\": \"erin\"}").status()).isEqualTo(403);
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/claim", "{\"userId\": 5}").status()).isEqualTo(403);
    assertThat(sophie.postJson(ENGINE + "/task/" + id + "/assignee", "{\"userId\": \"" + sasha + "\"}").status())
        .isEqualTo(204);
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/claim", "{\"userId\": null}").status())
        .as("taking sasha's task away").isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo(sasha);

    assertThat(sophie.postJson(ENGINE + "/task/" + id + "/assignee", "{\"userId\": \"sam\"}").status())
        .isEqualTo(204);
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/claim", "{}").status()).as("giving back one's own")
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/claim", "{\"userId\": \"sam\"}").status()).isEqualTo(204);
    assertThat(WebSession.webapps(port, "sophie").postJson(ENGINE + "/task/" + id + "/unclaim", "{}").status())
        .as("Tasklist's unclaim (x) on a task someone else holds: the engine wants TASK_ASSIGN, which leads have")
        .isEqualTo(204);
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/claim", "{\"userId\": \"sam\"}").status()).isEqualTo(204);
    assertThat(sam.postJson(ENGINE + "/task/" + id + "/unclaim", "{}").status()).as("Tasklist's unclaim (x)")
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
  }

  @Test
  void aTaskGivenToSomeoneElseIsNoLongerThePreviousAssigneesToRead() {
    WebSession sophie = WebSession.webapps(port, "sophie");
    WebSession erin = WebSession.webapps(port, "erin");
    String id = supportTask.getId();
    // An administrator lends the support task to an engineer (Cockpit); the lead then gives it to her own agent.
    taskService.setAssignee(id, "erin");
    assertThat(erin.get(ENGINE + "/task/" + id + "/variables").status()).isEqualTo(200);

    assertThat(sophie.postJson(ENGINE + "/task/" + id + "/assignee", "{\"userId\": \"sam\"}").status())
        .isEqualTo(204);

    assertThat(erin.get(ENGINE + "/task/" + id + "/variables").status()).isEqualTo(403);
    assertThat(erin.postJson(ENGINE + "/task/" + id + "/submit-form",
        "{\"variables\": {\"outcome\": {\"value\": \"resolved\"}}}").status()).isEqualTo(403);
    assertThat(sam.get(ENGINE + "/task/" + id + "/variables").status()).isEqualTo(200);
  }

  @Test
  void nobodyTestsPasswordsPastTheLogin() {
    WebSession sophie = WebSession.webapps(port, "sophie");

    WebSession.Response answer = sophie.postJson(ENGINE + "/identity/verify",
        "{\"username\": \"demo\", \"password\": \"demo\"}");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).doesNotContain("authenticated");
  }

  @Test
  void anIntegrationLoggedInToTheWelcomePageCannotUseTheWebappsApi() {
    WebSession crm = WebSession.webapps(port, "crm", "crm", "welcome");
    assertThat(crm.loginStatus()).isEqualTo(200);

    assertThat(crm.get(ENGINE + "/task").status()).isEqualTo(403);
    assertThat(crm.postJson(ENGINE + "/signal", "{\"name\": \"anything\"}").status()).isEqualTo(403);
    assertThat(crm.get(ENGINE + "/metrics/activity-instance-start/sum").status()).isEqualTo(403);
  }

  @Test
  void anAgentReadsNoFiguresOfTheWholeProcess() {
    assertThat(sam.get(ENGINE + "/process-definition/statistics").status()).isEqualTo(403);
    assertThat(sam.get(ENGINE + "/metrics/activity-instance-start/sum").status()).isEqualTo(403);
    assertThat(sam.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").status())
        .isEqualTo(403);
  }

  @Test
  void anAgentReadsAndWritesTheCommentsOfTheirTeamsTask() {
    String id = supportTask.getId();

    assertThat(sam.postJson(ENGINE + "/task/" + id + "/comment/create", "{\"message\": \"Called the customer\"}")
        .status()).isEqualTo(200);
    assertThat(sam.get(ENGINE + "/task/" + id + "/comment").jsonList()).extracting(c -> c.get("message"))
        .containsExactly("Called the customer");
    WebSession erin = WebSession.webapps(port, "erin");
    String comment = (String) sam.get(ENGINE + "/task/" + id + "/comment").jsonList().get(0).get("id");
    assertThat(erin.get(ENGINE + "/task/" + id + "/comment").status()).isIn(403, 404);
    assertThat(erin.get(ENGINE + "/task/" + id + "/comment/" + comment).status()).isEqualTo(403);
    assertThat(erin.postJson(ENGINE + "/task/" + id + "/comment/create", "{\"message\": \"Not my team\"}")
        .status()).isEqualTo(403);
    assertThat(taskService.getTaskComments(id)).extracting(c -> c.getFullMessage())
        .containsExactly("Called the customer");
  }
}
