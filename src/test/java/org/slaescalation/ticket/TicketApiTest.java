package org.slaescalation.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.support.Api.get;
import static org.slaescalation.support.Api.post;
import static org.slaescalation.support.Api.ticketJson;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.SurveyMails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The intake API over HTTP, against the whole application. */
@ApplicationTest
@SuppressWarnings("unchecked")
class TicketApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired org.slaescalation.notification.CapturedMails capturedMails;

  String open(String externalId) {
    ResponseEntity<Map<String, Object>> created = post(rest, "crm", "/api/tickets", ticketJson(externalId, "P2", "business"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) created.getBody().get("id");
  }

  String processInstanceId(String ticketId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult().getId();
  }

  @Test
  void opensATicketAsAProcessInstanceKeyedByTheTicketId() {
    ResponseEntity<Map<String, Object>> created = post(rest, "crm", "/api/tickets", ticketJson(null, "P1", "enterprise"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = (String) created.getBody().get("id");
    assertThat(id).matches("T-\\d+");
    assertThat((String) created.getBody().get("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/tickets/" + id);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(TicketProcess.PROCESS_KEY).processInstanceBusinessKey(id).count()).isOne();

    Map<String, Object> ticket = get(rest, "crm", "/api/tickets/" + id).getBody();
    assertThat(ticket.get("status")).isEqualTo("open");
    assertThat(ticket.get("team")).isEqualTo("support");
    assertThat(ticket.get("subject")).isEqualTo("Checkout fails");
    assertThat((Map<String, Object>) ticket.get("customer")).containsEntry("tier", "enterprise")
        .containsEntry("timeZone", "Europe/Amsterdam");
    assertThat((Map<String, Object>) ticket.get("sla")).containsEntry("firstResponseTarget", "PT30M")
        .containsEntry("resolutionTarget", "PT4H").containsEntry("calendar", "24x7");
  }

  @Test
  void theTeamThatHoldsTheTicketFollowsTheRoute() {
    String id = open(null);
    Api.executeJobs(managementService, processInstanceId(id));
    Task triage = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    Map<String, Object> before = get(rest, "crm", "/api/tickets/" + id).getBody();
    assertThat(before).containsEntry("team", "support");
    assertThat((Map<String, Object>) before.get("currentTask")).containsEntry("name", "Triage " + id);

    taskService.complete(triage.getId(), Map.of("outcome", "handoff-engineering", "internalNote", "Reproduced"));

    Map<String, Object> ticket = get(rest, "crm", "/api/tickets/" + id).getBody();
    assertThat(ticket.get("team")).isEqualTo("engineering");
    assertThat((Map<String, Object>) ticket.get("currentTask")).containsEntry("name", "Investigate " + id);
    assertThat((List<Map<String, Object>>) ticket.get("conversation")).singleElement().satisfies(entry -> assertThat(
        entry).containsEntry("direction", "internal").containsEntry("team", "support")
        .containsEntry("text", "Reproduced").containsKey("at"));
  }

  @Test
  void theTicketShowsItsClocks() {
    String id = open(null);
    Api.executeJobs(managementService, processInstanceId(id));

    Map<String, Object> clocks = (Map<String, Object>) get(rest, "crm", "/api/tickets/" + id).getBody().get("clocks");

    assertThat(clocks).containsOnlyKeys("first-response", "resolution", "ola-support");
    Map<String, Object> resolution = (Map<String, Object>) clocks.get("resolution");
    assertThat(resolution).containsEntry("state", "running").containsKeys("due", "internalDue", "remaining")
        .containsEntry("escalations", List.of());
    assertThat((String) resolution.get("remaining")).startsWith("PT");
    assertThat((Map<String, Object>) clocks.get("ola-support")).containsEntry("state", "running")
        .doesNotContainKey("internalDue");
    List<Map<String, Object>> stints = (List<Map<String, Object>>) get(rest, "crm", "/api/tickets/" + id).getBody()
        .get("stints");
    assertThat(stints).extracting(stint -> stint.get("clock"))
        .containsExactly("first-response", "resolution", "ola-support");
    assertThat(stints.get(2)).containsEntry("team", "support").containsEntry("budgetDecision", "OlaBudget:1")
        .containsKeys("startedAt", "budget", "calendar", "paused", "status");
  }

  @Test
  void aCancelledTicketsEscalationsNotYetSentAreNeverSent() {
    ResponseEntity<Map<String, Object>> created = post(rest, "crm", "/api/tickets", ticketJson(null, "P1",
        "enterprise"));
    String id = (String) created.getBody().get("id");
    String instance = processInstanceId(id);
    Api.executeJobs(managementService, instance);
    // Enterprise P1: support's OLA warning and the internal target are due after 22.5 of 30 minutes.
    ClockUtil.offset(23 * 60_000L);
    try {
      Api.executeJobs(managementService, instance);
      assertThat(outboxStates(id)).isNotEmpty().containsOnly("pending");

      runtimeService.deleteProcessInstance(instance, "opened twice", true);

      assertThat(outboxStates(id)).isNotEmpty().containsOnly("cancelled");
    } finally {
      ClockUtil.reset();
    }
  }

  private List<String> outboxStates(String ticketId) {
    return jdbc.sql("select state from escalation_mail where ticket_number = :number")
        .param("number", TicketId.number(ticketId).orElseThrow()).query(String.class).list();
  }

  @Test
  void aNewPriorityChangesTheTargets() {
    String id = open(null);
    Api.executeJobs(managementService, processInstanceId(id));

    ResponseEntity<Map<String, Object>> changed = Api.patch(rest, "crm", "/api/tickets/" + id,
        "{\"priority\": \"P4\"}");

    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changed.getBody()).containsEntry("priority", "P4");
    // The open task's copy, which its Tasklist row and form show, follows.
    Task triage = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(taskService.getVariableLocal(triage.getId(), "priority")).isEqualTo("P4");
    // Business P4 promises 80 h; this ticket's customer (acme) has no contract row for P4.
    assertThat((Map<String, Object>) changed.getBody().get("sla")).containsEntry("resolutionTarget", "PT80H");
    assertThat(Api.patch(rest, "crm", "/api/tickets/" + id, "{\"priority\": \"P0\"}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.patch(rest, "crm", "/api/tickets/" + id, "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.patch(rest, "crm", "/api/tickets/T-999999999", "{\"tier\": \"free\"}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theSameExternalIdReturnsTheFirstTicket() {
    String externalId = "crm-" + UUID.randomUUID();
    ResponseEntity<Map<String, Object>> first = post(rest, "crm", "/api/tickets", ticketJson(externalId, "P2", "business"));
    ResponseEntity<Map<String, Object>> second = post(rest, "crm", "/api/tickets", ticketJson(externalId, "P1", "enterprise"));

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(second.getBody()).isEqualTo(first.getBody());
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey((String) first.getBody().get("id")).count()).isOne();
  }

  @Test
  void concurrentRequestsWithOneExternalIdOpenOneTicket() throws Exception {
    String externalId = "race-" + UUID.randomUUID();
    Callable<ResponseEntity<Map<String, Object>>> request = () -> post(rest, "crm", "/api/tickets",
        ticketJson(externalId, "P3", "standard"));
    List<Future<ResponseEntity<Map<String, Object>>>> answers;
    var pool = Executors.newFixedThreadPool(6);
    try {
      answers = pool.invokeAll(java.util.Collections.nCopies(6, request));
    } finally {
      pool.shutdown();
    }

    java.util.Set<Object> ids = new java.util.HashSet<>();
    for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
      assertThat(answer.get().getStatusCode().is2xxSuccessful()).isTrue();
      ids.add(answer.get().getBody().get("id"));
    }
    assertThat(ids).hasSize(1);
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey((String) ids.iterator().next()).count()).isOne();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown tier          | "tier": "gold"                  | customer.tier
      unknown time zone     | "timeZone": "Mars/Olympus"      | customer.timeZone
      invalid email address | "email": "not-an-address"       | customer.email
      """)
  void aBadCustomerFieldIsA400NamingTheField(String reason, String replacement, String field) {
    String json = ticketJson(null, "P2", "business")
        .replace("\"tier\": \"business\"", replacement.startsWith("\"tier\"") ? replacement : "\"tier\": \"business\"")
        .replace("\"timeZone\": \"Europe/Amsterdam\"",
            replacement.startsWith("\"timeZone\"") ? replacement : "\"timeZone\": \"Europe/Amsterdam\"")
        .replace("\"email\": \"ops@acme.example\"",
            replacement.startsWith("\"email\"") ? replacement : "\"email\": \"ops@acme.example\"");

    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets", json);

    assertThat(answer.getStatusCode()).as(reason).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((List<Map<String, String>>) answer.getBody().get("errors")).as(reason)
        .extracting(e -> e.get("field")).containsExactly(field);
  }

  @Test
  void everyBadFieldIsNamedInOneAnswer() {
    String json = """
        {"subject": "", "priority": "P9", "category": "outage",
         "customer": {"id": "acme", "name": "ACME", "email": "x", "tier": "gold", "timeZone": "CET+1"}}
        """;

    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets", json);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, String>>) answer.getBody().get("errors"))
        .extracting(e -> e.get("field"))
        .containsExactlyInAnyOrder("category", "customer.email", "customer.tier", "customer.timeZone",
            "description", "priority", "subject");
    assertThat((String) answer.getBody().get("detail")).contains("priority must be one of P1, P2, P3, P4");
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("subject", "").count()).isZero();
  }

  @Test
  void malformedJsonIsA400() {
    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets", "{\"subject\": ");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("title", "Malformed request body");
  }

  @Test
  void aFieldOfTheWrongTypeIsA400NamingIt() {
    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets",
        ticketJson(null, "P2", "business").replaceFirst("\"customer\": \\{[^}]*}", "\"customer\": [1, 2]"));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, String>>) answer.getBody().get("errors"))
        .extracting(e -> e.get("field")).containsExactly("customer");
  }

  @Test
  void anUnknownTicketIsA404() {
    ResponseEntity<Map<String, Object>> answer = get(rest, "crm", "/api/tickets/T-999999999");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(answer.getBody()).containsEntry("title", "Ticket not found");
    assertThat(post(rest, "crm", "/api/tickets/nonsense/customer-replies", "{\"message\": \"hi\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aCustomerReplyResumesATicketThatWaitsForIt() {
    String id = open(null);
    String instance = processInstanceId(id);
    Api.executeJobs(managementService, instance);
    Task triage = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    taskService.complete(triage.getId(), Map.of("outcome", "waiting-on-customer", "customerReply", "Which browser?"));
    assertThat(get(rest, "crm", "/api/tickets/" + id).getBody()).containsEntry("status", "waiting-on-customer");

    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets/" + id + "/customer-replies",
        "{\"message\": \"Firefox 128\"}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(answer.getBody()).containsEntry("resumed", true).containsEntry("status", "open");
    Task followUp = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(followUp.getTaskDefinitionKey()).isEqualTo(TicketProcess.TASK_FOLLOW_UP);
    assertThat((String) taskService.getVariableLocal(followUp.getId(), TicketVariables.CONVERSATION_THREAD))
        .as("the follow-up form shows the reply").contains("Customer:\nFirefox 128");
    Map<String, Object> ticket = get(rest, "crm", "/api/tickets/" + id).getBody();
    assertThat(ticket).containsEntry("lastCustomerReply", "Firefox 128");
    assertThat((List<Map<String, Object>>) ticket.get("conversation"))
        .extracting(entry -> entry.get("direction"), entry -> entry.get("text"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("outbound", "Which browser?"),
            org.assertj.core.groups.Tuple.tuple("inbound", "Firefox 128"));
  }

  @Test
  void aReplyToAClosedTicketWithinTheReopenWindowReopensIt() {
    String id = open(null);
    String instance = processInstanceId(id);
    Api.executeJobs(managementService, instance);
    Task triage = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    taskService.complete(triage.getId(), Map.of("outcome", "resolved", "customerReply", "Clear your cache."));
    Task confirm = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    taskService.complete(confirm.getId(), Map.of("outcome", "resolved"));
    Map<String, Object> closed = get(rest, "crm", "/api/tickets/" + id).getBody();
    assertThat(closed).containsEntry("status", "closed").doesNotContainKey("team");
    assertThat(closed.get("closedAt")).isNotNull();
    assertThat(Api.patch(rest, "crm", "/api/tickets/" + id, "{\"priority\": \"P1\"}").getStatusCode())
        .as("a closed ticket does not change").isEqualTo(HttpStatus.CONFLICT);

    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets/" + id + "/customer-replies",
        "{\"message\": \"It fails again since this morning\"}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(answer.getBody()).containsEntry("resumed", true).containsEntry("status", "open");
    Task again = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(again.getTaskDefinitionKey()).isEqualTo(TicketProcess.TASK_TRIAGE);
    assertThat((String) taskService.getVariableLocal(again.getId(), TicketVariables.CONVERSATION_THREAD))
        .contains("It fails again since this morning");
    Map<String, Object> reopened = get(rest, "crm", "/api/tickets/" + id).getBody();
    assertThat(reopened).containsEntry("status", "open").doesNotContainKey("closedAt")
        .containsEntry("team", "support");
  }

  @Test
  void aClosedTicketMailsASurvey_aCloseAfterAReopenAsksAgainOnlyWhileTheTicketHasNoAnswer() {
    String id = open(null);
    SurveyMails.close(engine, id);
    assertThat(SurveyMails.links(engine, capturedMails, id)).as("the survey of the first close").singleElement()
        .asString().contains("/csat/");

    reopen(id);
    SurveyMails.close(engine, id);
    List<String> asked = SurveyMails.links(engine, capturedMails, id);
    // Two closes within the same second carry the same link (ticket and expiry): either records the one answer.
    assertThat(asked).as("no answer yet: the second close asks again").hasSize(2);

    jdbc.sql("insert into csat_answer (ticket_number, rating, answered_at) values (:number, 5, current_timestamp)")
        .param("number", TicketId.number(id).orElseThrow()).update();
    reopen(id);
    SurveyMails.close(engine, id);
    assertThat(SurveyMails.links(engine, capturedMails, id)).as("answered: a third close asks nothing")
        .isEqualTo(asked);
  }

  private void reopen(String id) {
    assertThat(post(rest, "crm", "/api/tickets/" + id + "/customer-replies", "{\"message\": \"Broken again\"}")
        .getBody()).containsEntry("resumed", true);
  }

  @Test
  void aReplyToATicketThatDoesNotWaitIsRecordedWithoutMovingIt() {
    String id = open(null);

    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets/" + id + "/customer-replies",
        "{\"message\": \"Any news?\"}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(answer.getBody()).containsEntry("resumed", false).containsEntry("status", "open");
    assertThat(get(rest, "crm", "/api/tickets/" + id).getBody()).containsEntry("lastCustomerReply", "Any news?");
    assertThat(post(rest, "crm", "/api/tickets/" + id + "/customer-replies", "{\"message\": \" \"}")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a number for the subject       | "subject": "Checkout fails"  | "subject": 42              | subject
      a decimal for the description  | "description": "HTTP 500 on every order" | "description": 4.2 | description
      a boolean for the customer name | "name": "ACME"              | "name": true               | customer.name
      a number for the external id   | "externalId": null           | "externalId": 4711         | externalId
      """)
  void aScalarOfTheWrongTypeIsA400NamingTheFieldNotTurnedIntoText(String reason, String field, String wrong,
      String name) {
    String json = ticketJson(null, "P2", "business").replace(field, wrong);
    assertThat(json).as("the test's JSON").contains(wrong);

    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets", json);

    assertThat(answer.getStatusCode()).as(reason).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, String>>) answer.getBody().get("errors")).as(reason)
        .extracting(e -> e.get("field")).containsExactly(name);
  }

  @Test
  void aDescriptionOf20000CharactersIsStoredAndReadBackWhole() {
    // Camunda's text column holds 4,000 characters; longer strings are kept in its byte array table.
    String description = "x".repeat(4_000) + "é".repeat(8_000) + "🙂".repeat(3_998) + "ends";
    assertThat(description).hasSize(20_000);
    String json = ticketJson(null, "P3", "standard").replace("\"HTTP 500 on every order\"",
        "\"" + description + "\"");

    ResponseEntity<Map<String, Object>> created = post(rest, "crm", "/api/tickets", json);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = (String) created.getBody().get("id");
    assertThat((String) get(rest, "crm", "/api/tickets/" + id).getBody().get("description")).isEqualTo(description);
    assertThat(runtimeService.getVariable(processInstanceId(id), TicketVariables.DESCRIPTION)).isEqualTo(description);

    ResponseEntity<Map<String, Object>> tooLong = post(rest, "crm", "/api/tickets",
        ticketJson(null, "P3", "standard").replace("\"HTTP 500 on every order\"", "\"" + "y".repeat(20_001) + "\""));
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, String>>) tooLong.getBody().get("errors"))
        .extracting(e -> e.get("field")).containsExactly("description");
  }

  @Test
  void aReplyOf20000CharactersIsStoredAndReadBackWhole() {
    String id = open(null);
    String reply = "line of the customer's log output\n".repeat(588) + "x".repeat(8);
    assertThat(reply).hasSize(20_000);

    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets/" + id + "/customer-replies",
        "{\"message\": \"" + reply.replace("\n", "\\n") + "\"}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(get(rest, "crm", "/api/tickets/" + id).getBody()).containsEntry("lastCustomerReply", reply);
  }

  @Test
  void aDeletedProcessInstanceShowsItsTicketAsCancelledWithItsClocksStopped() {
    String id = open(null);
    String instance = processInstanceId(id);
    Api.executeJobs(managementService, instance);

    // As Cockpit's "Cancel" does by default: custom listeners skipped.
    runtimeService.deleteProcessInstance(instance, "opened twice", true);

    Map<String, Object> ticket = get(rest, "crm", "/api/tickets/" + id).getBody();
    assertThat(ticket).containsEntry("status", "cancelled").doesNotContainKey("team");
    Map<String, Map<String, Object>> clocks = (Map<String, Map<String, Object>>) ticket.get("clocks");
    assertThat(clocks).containsOnlyKeys("first-response", "resolution", "ola-support");
    assertThat(clocks.values()).allSatisfy(clock -> assertThat(clock).containsEntry("state", "cancelled"));
    assertThat((List<Map<String, Object>>) ticket.get("stints")).allSatisfy(stint -> assertThat(stint)
        .containsKey("stoppedAt"));
    Object remaining = clocks.get("resolution").get("remaining");
    ClockUtil.offset(3_600_000L);
    try {
      assertThat(get(rest, "crm", "/api/tickets/" + id).getBody().get("clocks"))
          .extracting(c -> ((Map<String, Map<String, Object>>) c).get("resolution").get("remaining"))
          .as("a stopped clock's time left does not run down").isEqualTo(remaining);
    } finally {
      ClockUtil.reset();
    }
  }
}
