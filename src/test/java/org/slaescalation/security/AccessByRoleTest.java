package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.Deployments;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who may call which part of the HTTP interface, per role (the table in docs/operations.md): the demo users are one
 * of each ({@code sam} agent, {@code sophie} support lead, {@code crm} integration, {@code demo} administrator).
 */
@ApplicationTest
@SuppressWarnings("unchecked")
class AccessByRoleTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngine engine;
  @Autowired TicketService tickets;
  @LocalServerPort int port;

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      sam    | POST | /api/tickets                              | 403
      sophie | POST | /api/tickets                              | 403
      crm    | POST | /api/tickets                              | 201
      demo   | POST | /api/tickets                              | 201
      sam    | GET  | /api/tickets/T-999999999                  | 403
      sophie | GET  | /api/tickets/T-999999999                  | 404
      crm    | GET  | /api/tickets/T-999999999                  | 404
      sam    | GET  | /api/calendars                            | 403
      crm    | GET  | /api/calendars                            | 403
      sophie | GET  | /api/calendars                            | 200
      demo   | GET  | /api/calendars                            | 200
      crm    | GET  | /api/sla/coverage                         | 403
      sophie | GET  | /api/sla/coverage                         | 200
      sam    | GET  | /engine-rest/task                         | 403
      sophie | GET  | /engine-rest/task                         | 403
      crm    | GET  | /engine-rest/process-definition           | 403
      demo   | GET  | /engine-rest/process-definition           | 200
      """)
  void theApisAnswerEachRoleAsItMay(String user, String method, String path, int status) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "POST".equals(method) ? Api.ticketJson(null, "P3", "standard") : null;

    ResponseEntity<String> answer = rest.withBasicAuth(user, user)
        .exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    if (status == 403) {
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody()).contains("\"title\":\"Forbidden\"").contains(user);
    }
  }

  @Test
  void anAgentCannotDeployThroughCamundasRestApiEither() {
    String name = "pwned-rest-" + UUID.randomUUID();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(Deployments.CONTENT_TYPE));

    ResponseEntity<String> answer = rest.withBasicAuth("sam", "sam").exchange("/engine-rest/deployment/create",
        HttpMethod.POST, new HttpEntity<>(Deployments.body(name, Deployments.attackerModel("pwned")), headers),
        String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
  }

  /** Tickets are opened by intake only: the ticket API, or Tasklist's start form Open ticket (OpenTicketFormTest). */
  @Test
  void nobodyStartsTheTicketProcessPastIntake() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY).count();

    ResponseEntity<String> engineRest = rest.withBasicAuth("demo", "demo").exchange(
        "/engine-rest/process-definition/key/" + TicketProcess.PROCESS_KEY + "/start", HttpMethod.POST,
        new HttpEntity<>("{\"variables\": {}}", json()), String.class);
    WebSession demo = WebSession.webapps(port, "demo");
    WebSession.Response tasklistStart = demo.postJson(
        "/camunda/api/engine/engine/default/process-definition/key/" + TicketProcess.PROCESS_KEY + "/start",
        "{\"variables\": {}}");
    // The start form opens a ticket through intake, which refuses a form without a customer.
    WebSession.Response tasklistForm = demo.postJson(
        "/camunda/api/engine/engine/default/process-definition/key/" + TicketProcess.PROCESS_KEY + "/submit-form",
        "{\"variables\": {}}");

    assertThat(engineRest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineRest.getBody()).contains("POST /api/tickets");
    assertThat(tasklistStart.status()).isEqualTo(403);
    assertThat(tasklistForm.status()).isEqualTo(400);
    assertThat(tasklistForm.body()).contains("customerId");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      sam    | /review            | 403
      crm    | /review            | 403
      sophie | /review            | 200
      demo   | /review            | 200
      sophie | /review/api/models | 200
      sam    | /mail-outbox       | 403
      sophie | /mail-outbox       | 403
      demo   | /mail-outbox       | 200
      """)
  void thePagesAnswerEachRoleAsItMay(String user, String path, int status) {
    WebSession session = WebSession.pages(port, user);
    assertThat(session.loginStatus()).isEqualTo(302);

    assertThat(session.get(path).status()).isEqualTo(status);
  }

  @Test
  void theServicesLoginPageLogsInToTheWebappsToo() {
    WebSession session = WebSession.pages(port, "sam");

    WebSession.Response user = session.get("/camunda/api/admin/auth/user/default");

    assertThat(user.status()).isEqualTo(200);
    assertThat(user.json()).containsEntry("userId", "sam");
    assertThat((java.util.List<Object>) user.json().get("authorizedApps")).containsExactlyInAnyOrder("welcome", "tasklist");
  }

  @Test
  void aTasklistLoginOpensTheReviewPageForALead() {
    WebSession session = WebSession.webapps(port, "sophie");

    assertThat(session.get("/review").status()).isEqualTo(200);
    assertThat(session.get("/").body()).contains("Logged in as").contains("sophie");
  }

  @Test
  void aWrongPasswordOnTheLoginPageSendsBackToItWithAMessage() {
    WebSession session = WebSession.anonymous(port);

    WebSession.Response answer = session.pageLogin("sid", "not-sids-password");

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.header("Location")).endsWith("/login?error");
    assertThat(session.get("/login?error").body()).contains("Unknown user or wrong password.");
    assertThat(session.get("/review").status()).isEqualTo(302);
  }

  @Test
  void logingOutEndsTheSessionForTheWebappsToo() {
    WebSession session = WebSession.pages(port, "demo");
    assertThat(session.get("/mail-outbox").status()).isEqualTo(200);
    String csrf = session.get("/").body().replaceAll("(?s).*name=\"_csrf\"\\s+value=\"([^\"]+)\".*", "$1");

    WebSession.Response logout = session.send("POST", "/logout", "_csrf=" + csrf, "application/x-www-form-urlencoded");

    assertThat(logout.status()).isEqualTo(302);
    assertThat(session.get("/mail-outbox").status()).isEqualTo(302);
    assertThat(session.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(404);
  }

  @Test
  void theFirstRunSetupEndpointIsClosedEvenWhileNoAdministratorExists(@Autowired IdentityService identityService) {
    // Camunda opens it while camunda-admin has no member: take demo out for the attack, put demo back after.
    identityService.deleteMembership("demo", "camunda-admin");
    String intruder = "intruder" + System.nanoTime();
    try {
      WebSession.Response answer = WebSession.anonymous(port).withWebappToken().postJson(
          "/camunda/api/admin/setup/default/user/create",
          "{\"profile\": {\"id\": \"" + intruder + "\", \"firstName\": \"I\", \"lastName\": \"I\","
              + " \"email\": \"i@example.com\"}, \"credentials\": {\"password\": \"intruder-password-1\"}}");

      assertThat(answer.status()).isEqualTo(403);
      assertThat(identityService.createUserQuery().userId(intruder).count()).isZero();
    } finally {
      identityService.createMembership("demo", "camunda-admin");
    }
  }

  @Test
  void noModelOfAnAdministratorStartsATicketPastTheTicketApi() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY).count();

    ResponseEntity<String> started = startedByCallActivity("T-10001");

    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(started.getBody()).contains("POST /api/tickets");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void aTicketWhoseProcessEndedGetsNoSecondOne() {
    Task triage = OpenTickets.atTriage(tickets, engine, OpenTickets.ticket("P3", "question"));
    String ticketId = (String) runtimeService.getVariable(triage.getProcessInstanceId(), "ticketId");
    runtimeService.deleteProcessInstance(triage.getProcessInstanceId(), "cancelled by the test");

    ResponseEntity<String> started = startedByCallActivity(ticketId);

    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(started.getBody()).contains(ticketId);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).count()).isZero();
  }

  /** Deploys, as the administrator, a model that calls the ticket process for the business key, and starts it. */
  private ResponseEntity<String> startedByCallActivity(String businessKey) {
    String caller = "caller" + System.nanoTime();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="test">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Go" />
            <bpmn:sequenceFlow id="Flow_Call" sourceRef="StartEvent_Go" targetRef="Activity_CallTicket" />
            <bpmn:callActivity id="Activity_CallTicket" calledElement="ticket-escalation"
                camunda:calledElementBinding="latest">
              <bpmn:extensionElements>
                <camunda:in variables="all" />
                <camunda:in businessKey="%2$s" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(caller, businessKey);
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.parseMediaType(Deployments.CONTENT_TYPE));
    assertThat(rest.withBasicAuth("demo", "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(Deployments.body(caller, bpmn), multipart), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    return rest.withBasicAuth("demo", "demo").exchange("/engine-rest/process-definition/key/" + caller + "/start",
        HttpMethod.POST, new HttpEntity<>("{\"variables\": {\"ticketId\": {\"value\": \"" + businessKey
            + "\"}}}", json()), String.class);
  }

  @Test
  void afterTheLoginTheBrowserReturnsToThePageItAskedFor() {
    WebSession browser = WebSession.anonymous(port);
    assertThat(browser.get("/review").status()).isEqualTo(302);

    WebSession.Response login = browser.pageLogin("sophie", "sophie");

    assertThat(login.header("Location")).endsWith("/review");
  }

  @ParameterizedTest(name = "{0} sees {1}")
  @CsvSource(delimiter = '|', textBlock = """
      sam    | Tasklist                | Cockpit,Process model review,Mail outbox,SLA reports
      sophie | Tasklist,Process model review,SLA reports | Cockpit,Mail outbox
      demo   | Tasklist,Cockpit,Process model review,Mail outbox,SLA reports |
      """)
  void theStartPageShowsWhatTheRoleOpens(String user, String shown, String hidden) {
    String page = WebSession.pages(port, user).get("/").body();

    assertThat(page).contains(shown.split(","));
    if (hidden != null) {
      assertThat(page).doesNotContain(hidden.split(","));
    }
  }

  @Test
  void aMissingPageIsAPageForABrowser() {
    WebSession.Response answer = WebSession.pages(port, "demo").send("GET", "/mail-outbox/999999", null, null,
        java.util.Map.of("Accept", "text/html"));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("Content-Type")).startsWith("text/html");
    assertThat(answer.body()).contains("You are logged in as").contains("demo");
  }
}
