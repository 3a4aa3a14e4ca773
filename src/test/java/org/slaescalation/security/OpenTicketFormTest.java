package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's Start process → Ticket escalation: the start form Open ticket, submitted to the webapps' API as
 * Tasklist submits it, opens a ticket for a customer with a record; who may not open tickets opens none.
 */
@ApplicationTest
@SuppressWarnings("unchecked")
class OpenTicketFormTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ENGINE = "/camunda/api/engine/engine/default";
  static final String SUBMIT_BY_KEY = ENGINE + "/process-definition/key/" + TicketProcess.PROCESS_KEY
      + "/submit-form";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired TicketRepository ticketRepository;
  @LocalServerPort int port;

  /** A customer with a record, in Asia/Tokyo, enterprise; returns its id. */
  String customer() {
    String id = "c" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(Api.post(rest, "crm", "/api/customers", """
        {"id": "%s", "name": "Cyberdyne %s", "emails": ["help@%s.example"], "tier": "enterprise",
         "timeZone": "Asia/Tokyo"}""".formatted(id, id, id)).getStatusCode().value()).isEqualTo(201);
    return id;
  }

  /** The form's variables as Tasklist sends them: each field's value, typed String. */
  static String form(String customerId, String subject, String priority) {
    return """
        {"variables": {
          "customerId": {"value": "%s", "type": "String"},
          "subject": {"value": "%s", "type": "String"},
          "description": {"value": "Called in: the terminal shows error 42", "type": "String"},
          "priority": {"value": "%s", "type": "String"},
          "category": {"value": "incident", "type": "String"}}}""".formatted(customerId, subject, priority);
  }

  long ticketInstances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY).count();
  }

  @Test
  void samOpensATicketFromTasklistsStartForm_forTheCustomerOfTheRecord() {
    String customer = customer();
    WebSession sam = WebSession.webapps(port, "sam");

    WebSession.Response answer = sam.postJson(SUBMIT_BY_KEY, form(customer, "Terminal shows error 42", "P2"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Map<String, Object> started = answer.json();
    String ticketId = (String) started.get("businessKey");
    assertThat(ticketId).matches("T-\\d+");
    assertThat(ticketRepository.isRegistered(TicketId.number(ticketId).orElseThrow())).isTrue();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketId)
        .processDefinitionKey(TicketProcess.PROCESS_KEY).singleResult();
    assertThat(started).containsEntry("id", instance.getId())
        .containsEntry("definitionId", instance.getProcessDefinitionId());
    Map<String, Object> variables = runtimeService.getVariables(instance.getId());
    assertThat(variables).containsEntry("ticketId", ticketId).containsEntry("subject", "Terminal shows error 42")
        .containsEntry("priority", "P2").containsEntry("category", "incident").containsEntry("customerId", customer)
        .containsEntry("customerName", "Cyberdyne " + customer)
        .containsEntry("customerEmail", "help@" + customer + ".example").containsEntry("tier", "enterprise")
        .containsEntry("customerTimeZone", "Asia/Tokyo");
    // Opened as sam: the engine checked sam's right to start it, and names sam as its starter.
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getStartUserId()).isEqualTo("sam");
  }

  @Test
  void tasklistOffersTheStartFormOpenTicketToSupportOnly() {
    String startable = ENGINE + "/process-definition?latest=true&active=true&startableInTasklist=true"
        + "&startablePermissionCheck=true";
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(TicketProcess.PROCESS_KEY).latestVersion().singleResult().getId();
    WebSession sam = WebSession.webapps(port, "sam");

    assertThat(sam.get(startable).jsonList()).extracting(d -> d.get("key")).containsExactly(TicketProcess.PROCESS_KEY);
    assertThat(WebSession.webapps(port, "erin").get(startable).jsonList()).isEmpty();
    assertThat((Map<String, Object>) sam.get(ENGINE + "/process-definition/" + definitionId + "/startForm").json()
        .get("camundaFormRef")).containsEntry("key", "open-ticket").containsEntry("binding", "deployment");
    assertThat(sam.get(ENGINE + "/process-definition/" + definitionId + "/deployed-start-form").json())
        .containsEntry("id", "open-ticket");
  }

  @Test
  void theFormIsAlsoSubmittedByDefinitionId() {
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(TicketProcess.PROCESS_KEY).latestVersion().singleResult().getId();

    WebSession.Response answer = WebSession.webapps(port, "sam").postJson(
        ENGINE + "/process-definition/" + definitionId + "/submit-form", form(customer(), "By id", "P4"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat((String) answer.json().get("businessKey")).matches("T-\\d+");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      priority   | {"priority": {"value": "P9", "type": "String"}}
      subject    | {"subject": {"value": "  ", "type": "String"}}
      customerId | {"customerId": {"value": "nobody-has-this-id", "type": "String"}}
      customerId | {"customerId": {"value": "", "type": "String"}}
      category   | {"category": {"value": 3, "type": "Integer"}}
      ticketId   | {"ticketId": {"value": "T-1", "type": "String"}}
      """)
  void anInvalidFormIsCamundasInvalidRequestNamingTheField(String field, String change) {
    String customer = customer();
    Map<String, Object> body = parse(form(customer, "Error 42", "P3"));
    ((Map<String, Object>) body.get("variables")).putAll((Map<String, Object>) parse(change));
    long before = ticketInstances();

    WebSession.Response answer = WebSession.webapps(port, "sam").postJson(SUBMIT_BY_KEY, json(body));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("type", "InvalidRequestException");
    assertThat((String) answer.json().get("message")).contains("'" + field + "'");
    assertThat(ticketInstances()).isEqualTo(before);
  }

  @Test
  void anEngineeringAgentOpensNoTicket() {
    long before = ticketInstances();

    WebSession.Response answer = WebSession.webapps(port, "erin").postJson(SUBMIT_BY_KEY,
        form(customer(), "Erin tries", "P1"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.json()).containsEntry("type", "AuthorizationException");
    assertThat((String) answer.json().get("message")).contains("erin").contains("CREATE_INSTANCE");
    assertThat(ticketInstances()).isEqualTo(before);
  }

  @Test
  void withoutALoginNoTicketIsOpened() {
    long before = ticketInstances();

    WebSession.Response answer = WebSession.anonymous(port).withWebappToken().postJson(SUBMIT_BY_KEY,
        form(customer(), "Anonymous", "P1"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(401);
    assertThat(ticketInstances()).isEqualTo(before);
  }

  @Test
  void aRequestWithoutTheSessionsCsrfTokenOpensNoTicket() {
    long before = ticketInstances();

    WebSession.Response answer = WebSession.webapps(port, "sam").withoutWebappToken().postJson(SUBMIT_BY_KEY,
        form(customer(), "Forged", "P1"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.header("X-XSRF-TOKEN")).isEqualTo("Required");
    assertThat(ticketInstances()).isEqualTo(before);
  }

  @Test
  void aCrossSiteSubmissionOpensNoTicket() {
    long before = ticketInstances();

    WebSession.Response answer = WebSession.webapps(port, "sam").send("POST", SUBMIT_BY_KEY,
        form(customer(), "Cross-site", "P1").getBytes(StandardCharsets.UTF_8), "application/json",
        Map.of("Origin", "https://attacker.example", "Sec-Fetch-Site", "cross-site"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(ticketInstances()).isEqualTo(before);
  }

  @Test
  void startingTheTicketProcessAnyOtherWayStaysRefused_alsoForSupport() {
    long before = ticketInstances();
    WebSession sam = WebSession.webapps(port, "sam");

    WebSession.Response start = sam.postJson(ENGINE + "/process-definition/key/" + TicketProcess.PROCESS_KEY
        + "/start", """
        {"businessKey": "T-1", "skipCustomListeners": true,
         "startInstructions": [{"type": "startBeforeActivity", "activityId": "Task_TriageTicket"}]}""");

    WebSession.Response engineRestForm = WebSession.anonymous(port).send("POST", "/engine-rest/process-definition/key/"
        + TicketProcess.PROCESS_KEY + "/submit-form", form(customer(), "REST", "P1").getBytes(StandardCharsets.UTF_8),
        "application/json", Map.of("Authorization", "Basic ZGVtbzpkZW1v"));

    assertThat(start.status()).as(start.body()).isEqualTo(403);
    // Camunda's REST API is for administrators, and even they do not open tickets through it.
    assertThat(engineRestForm.status()).as(engineRestForm.body()).isEqualTo(403);
    assertThat(engineRestForm.body()).contains("POST /api/tickets");
    assertThat(ticketInstances()).isEqualTo(before);
  }

  private static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
