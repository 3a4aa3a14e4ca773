package org.slaescalation.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.support.Api.get;
import static org.slaescalation.support.Api.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.ticket.TicketId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tickets of customers with a record: intake by customer id, and the account manager of the record. */
@ApplicationTest
@SuppressWarnings("unchecked")
class CustomerTicketsTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Creates an enterprise customer in Asia/Tokyo; returns its id. */
  String customer(String accountManagerEmail) {
    String id = "c" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<Map<String, Object>> created = post(rest, "crm", "/api/customers", """
        {"id": "%s", "name": "Tyrell %s", "emails": ["ops@%s.example", "cto@%s.example"], "tier": "enterprise",
         "timeZone": "Asia/Tokyo", "accountManagerEmail": %s}
        """.formatted(id, id, id, id, accountManagerEmail == null ? "null" : "\"" + accountManagerEmail + "\""));
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    return id;
  }

  static String ticketFor(String customerJson) {
    return """
        {"subject": "Checkout fails", "description": "HTTP 500 on every order", "priority": "P1",
         "category": "incident", "customer": %s}""".formatted(customerJson);
  }

  @Test
  void aKnownCustomersIdIsEnough_theRecordGivesTheRest() {
    String id = customer(null);

    ResponseEntity<Map<String, Object>> created = post(rest, "crm", "/api/tickets",
        ticketFor("{\"id\": \"" + id + "\"}"));

    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    Map<String, Object> ticket = get(rest, "crm", "/api/tickets/" + created.getBody().get("id")).getBody();
    assertThat((Map<String, Object>) ticket.get("customer")).containsEntry("id", id)
        .containsEntry("name", "Tyrell " + id).containsEntry("email", "ops@" + id + ".example")
        .containsEntry("tier", "enterprise").containsEntry("timeZone", "Asia/Tokyo");
    // Enterprise P1: the enterprise targets, from the record's tier.
    assertThat((Map<String, Object>) ticket.get("sla")).containsEntry("firstResponseTarget", "PT30M");
  }

  @Test
  void fieldsGivenWithAKnownIdWin_theRecordFillsTheRest() {
    String id = customer(null);

    ResponseEntity<Map<String, Object>> created = post(rest, "crm", "/api/tickets",
        ticketFor("{\"id\": \"" + id + "\", \"email\": \"cto@" + id + ".example\", \"tier\": \"business\"}"));

    Map<String, Object> ticket = get(rest, "crm", "/api/tickets/" + created.getBody().get("id")).getBody();
    assertThat((Map<String, Object>) ticket.get("customer")).containsEntry("email", "cto@" + id + ".example")
        .containsEntry("tier", "business").containsEntry("name", "Tyrell " + id)
        .containsEntry("timeZone", "Asia/Tokyo");
  }

  @Test
  void anUnknownCustomersIdAloneIsAProblemNamingEveryMissingField() {
    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets",
        ticketFor("{\"id\": \"no-such-customer-" + UUID.randomUUID() + "\"}"));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).containsEntry("title", "Invalid request");
    assertThat((List<Map<String, Object>>) answer.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly("customer.email", "customer.name", "customer.tier", "customer.timeZone");
  }

  @Test
  void aKnownCustomerDoesNotExcuseOtherBadFields() {
    String id = customer(null);

    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/tickets", """
        {"subject": "", "description": "x", "priority": "P9", "category": "incident",
         "customer": {"id": "%s", "timeZone": "Mars/Olympus"}}""".formatted(id));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat((List<Map<String, Object>>) answer.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly("customer.timeZone", "priority", "subject");
  }

  @Test
  void theAccountManagerOfTheCustomersRecordReceivesTheAccountManagerRungs() {
    String id = customer("am-" + UUID.randomUUID() + "@example.com");
    String accountManager = (String) get(rest, "crm", "/api/customers/" + id).getBody().get("accountManagerEmail");

    List<String> recipients = recipientsOfTheCriticalFirstResponseRung(id);

    assertThat(recipients).anyMatch(r -> r.contains(accountManager))
        .noneMatch(r -> r.contains("account-managers@example.com"));
  }

  @Test
  void withoutAnAccountManagerOnRecordTheConfiguredMailboxReceivesThem() {
    String id = customer(null);

    List<String> recipients = recipientsOfTheCriticalFirstResponseRung(id);

    assertThat(recipients).anyMatch(r -> r.contains("account-managers@example.com"));
  }

  @Test
  void theRecordIsReadWhenTheRungFallsDue_aNewAccountManagerGetsTheRungsOfOpenTickets() {
    String id = customer("am-before-" + UUID.randomUUID() + "@example.com");
    String after = "am-after-" + UUID.randomUUID() + "@example.com";

    List<String> recipients = recipientsOfTheCriticalFirstResponseRung(id, () -> assertThat(Api.put(rest, "crm",
        "/api/customers/" + id, """
            {"name": "Tyrell", "emails": ["ops@%s.example"], "tier": "enterprise", "timeZone": "Asia/Tokyo",
             "accountManagerEmail": "%s"}""".formatted(id, after)).getStatusCode().value()).isEqualTo(200));

    assertThat(recipients).anyMatch(r -> r.contains(after)).noneMatch(r -> r.contains("am-before-"));
  }

  private List<String> recipientsOfTheCriticalFirstResponseRung(String customerId) {
    return recipientsOfTheCriticalFirstResponseRung(customerId, () -> {});
  }

  /**
   * Opens an enterprise P1 ticket for the customer (first response: 30 minutes, around the clock) and moves the
   * engine clock past the critical rung at 90 %, after {@code afterOpening}: the recipients of the escalation mails
   * recorded.
   */
  private List<String> recipientsOfTheCriticalFirstResponseRung(String customerId, Runnable afterOpening) {
    String ticketId = (String) post(rest, "crm", "/api/tickets", ticketFor("{\"id\": \"" + customerId + "\"}"))
        .getBody().get("id");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketId)
        .singleResult().getId();
    Api.executeJobs(managementService, instance);
    afterOpening.run();
    ClockUtil.offset(28 * 60_000L);
    Api.executeJobs(managementService, instance);
    return jdbc.sql("select recipients from escalation_mail where ticket_number = :number")
        .param("number", TicketId.number(ticketId).orElseThrow()).query(String.class).list();
  }
}
