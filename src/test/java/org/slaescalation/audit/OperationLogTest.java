package org.slaescalation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.Deployments;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of an operator is in Camunda's user operation log with the operator's user id, whether it came
 * through Camunda's REST API or through the webapps (Cockpit, Admin, Tasklist): the audit trail of who deleted,
 * modified, suspended, deployed, reassigned or changed users and rights.
 */
@ApplicationTest
class OperationLogTest {

  @LocalServerPort int port;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired TicketService tickets;

  @Test
  void processInstanceOperationsAreLoggedWithTheOperator() {
    String suspended = ticket();
    String modified = ticket();
    String deleted = ticket();

    assertThat(rest("PUT", "/process-instance/" + suspended + "/suspended", "{\"suspended\": true}")).isEqualTo(204);
    assertThat(rest("POST", "/process-instance/" + modified + "/modification", "{\"instructions\": [{\"type\":"
        + " \"startBeforeActivity\", \"activityId\": \"" + TicketProcess.TASK_TRIAGE + "\"}]}")).isEqualTo(204);
    assertThat(rest("DELETE", "/process-instance/" + deleted, null)).isEqualTo(204);

    assertLogged(query().processInstanceId(suspended), UserOperationLogEntry.OPERATION_TYPE_SUSPEND, "demo");
    assertLogged(query().processInstanceId(modified),
        UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE, "demo");
    assertLogged(query().processInstanceId(deleted), UserOperationLogEntry.OPERATION_TYPE_DELETE, "demo");
    String deletedTicket = historyService.createHistoricProcessInstanceQuery().processInstanceId(deleted)
        .singleResult().getBusinessKey();
    assertThat(tickets.get(deletedTicket).status()).isEqualTo("cancelled");
  }

  @Test
  void aDeploymentIsLoggedWithTheOperator() {
    String name = "audited-" + UUID.randomUUID();

    WebSession.Response deployed = WebSession.anonymous(port).send("POST", "/engine-rest/deployment/create",
        Deployments.body(name, harmlessModel()), Deployments.CONTENT_TYPE, Map.of("Authorization", basic("demo")));

    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String deploymentId = (String) deployed.json().get("id");
    assertLogged(query().entityType(EntityTypes.DEPLOYMENT).deploymentId(deploymentId),
        UserOperationLogEntry.OPERATION_TYPE_CREATE, "demo");
  }

  @Test
  void identityAndAuthorizationChangesInAdminAreLoggedWithTheOperator() {
    WebSession admin = WebSession.webapps(port, "demo", "demo", "admin");
    String agent = "newagent" + System.nanoTime();

    assertThat(admin.postJson("/camunda/api/engine/engine/default/user/create", """
        {"profile": {"id": "%s", "firstName": "New", "lastName": "Agent", "email": "new@example.com"},
         "credentials": {"password": "first-password-1"}}""".formatted(agent)).status()).isEqualTo(204);
    assertThat(admin.send("PUT", "/camunda/api/engine/engine/default/group/support/members/" + agent, null, null)
        .status()).isEqualTo(204);
    assertThat(admin.postJson("/camunda/api/engine/engine/default/authorization/create", """
        {"type": 1, "permissions": ["READ"], "userId": "%s", "resourceType": 4, "resourceId": "*"}"""
        .formatted(agent)).status()).isEqualTo(200);

    assertLogged(query().entityType(EntityTypes.USER), UserOperationLogEntry.OPERATION_TYPE_CREATE, "demo");
    assertThat(query().entityType(EntityTypes.GROUP_MEMBERSHIP).operationType(
        UserOperationLogEntry.OPERATION_TYPE_CREATE).userId("demo").list())
        .anySatisfy(entry -> assertThat(entry.getNewValue()).isEqualTo(agent));
    assertLogged(query().entityType(EntityTypes.AUTHORIZATION), UserOperationLogEntry.OPERATION_TYPE_CREATE, "demo");

    // Nothing else is needed for a new agent: the support group's rights exist.
    WebSession newAgent = WebSession.webapps(port, agent, "first-password-1", "tasklist");
    assertThat(newAgent.loginStatus()).isEqualTo(200);
    assertThat(newAgent.get("/camunda/api/engine/engine/default/filter?resourceType=Task").jsonList())
        .extracting(filter -> filter.get("name")).containsExactlyInAnyOrder("Support queue", "Waiting on customer", "My tasks");
  }

  @Test
  void anAgentsClaimAndCompletionAreLoggedWithTheAgent() {
    String instance = ticket();
    String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    WebSession sam = WebSession.webapps(port, "sam");

    assertThat(sam.postJson("/camunda/api/engine/engine/default/task/" + task + "/claim", "{\"userId\": \"sam\"}")
        .status()).isEqualTo(204);
    assertThat(sam.postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\": {\"outcome\": {\"value\": \"waiting-on-customer\"}, \"customerReply\": {\"value\": \"Which"
            + " browser?\"}}}").status()).isEqualTo(204);

    assertLogged(query().taskId(task), UserOperationLogEntry.OPERATION_TYPE_CLAIM, "sam");
    assertLogged(query().taskId(task), UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "sam");
  }

  @Test
  void theServicesOwnApiCallsTheEngineAsTheServiceNotAsTheIntegration() {
    String instance = ticket();
    String ticket = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey();

    assertThat(WebSession.anonymous(port).send("PATCH", "/api/tickets/" + ticket,
        "{\"priority\": \"P1\"}".getBytes(StandardCharsets.UTF_8), "application/json",
        Map.of("Authorization", basic("crm"))).status()).isEqualTo(200);

    assertThat(query().processInstanceId(instance).list()).isEmpty();
    assertThat(query().userId("crm").list()).isEmpty();
  }

  @Test
  void aLeadsReassignmentInTasklistIsLoggedWithTheLead() {
    String instance = ticket();
    String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    WebSession sophie = WebSession.webapps(port, "sophie");

    assertThat(sophie.postJson("/camunda/api/engine/engine/default/task/" + task + "/assignee",
        "{\"userId\": \"sam\"}").status()).isEqualTo(204);

    assertThat(query().taskId(task).operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).list())
        .singleElement().satisfies(entry -> {
          assertThat(entry.getUserId()).isEqualTo("sophie");
          assertThat(entry.getNewValue()).isEqualTo("sam");
        });
  }

  private UserOperationLogQuery query() {
    return historyService.createUserOperationLogQuery();
  }

  private static void assertLogged(UserOperationLogQuery query, String operation, String user) {
    assertThat(query.operationType(operation).list()).as(operation)
        .anySatisfy(entry -> assertThat(entry.getUserId()).isEqualTo(user));
  }

  private int rest(String method, String path, String json) {
    return WebSession.anonymous(port).send(method, "/engine-rest" + path,
        json == null ? null : json.getBytes(StandardCharsets.UTF_8), json == null ? null : "application/json",
        Map.of("Authorization", basic("demo"))).status();
  }

  private String ticket() {
    return OpenTickets.atTriage(tickets, engine).getProcessInstanceId();
  }

  private static String harmlessModel() {
    String id = "audited" + System.nanoTime();
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="test">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Started" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id);
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
