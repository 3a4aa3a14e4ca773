package org.slaescalation.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.support.Api.get;
import static org.slaescalation.support.Api.post;
import static org.slaescalation.support.Api.ticketJson;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/tickets}: filters, paging and refusals, against the whole application. The shared context holds
 * other tests' tickets too, so each assertion looks at this test's tickets (the newest: listed first).
 */
@ApplicationTest
@SuppressWarnings("unchecked")
class TicketListApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  String open(String priority, String tier) {
    String id = (String) post(rest, "crm", "/api/tickets", ticketJson(null, priority, tier)).getBody().get("id");
    Api.executeJobs(managementService, instance(id));
    return id;
  }

  String instance(String ticketId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY)
        .processInstanceBusinessKey(ticketId).singleResult().getId();
  }

  void complete(String ticketId, String outcome) {
    String task = taskService.createTaskQuery().processInstanceBusinessKey(ticketId).singleResult().getId();
    taskService.complete(task, Map.of("outcome", outcome, "customerReply", "Our answer", "internalNote", "note"));
    Api.executeJobs(managementService, instance(ticketId));
  }

  Map<String, Object> page(String user, String query) {
    ResponseEntity<Map<String, Object>> answer = get(rest, user, "/api/tickets?size=100" + query);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  /** The ids listed for {@code query}, among {@code ours}, in the order listed. */
  List<String> listed(String query, List<String> ours) {
    return items(page("sophie", query)).stream().map(item -> (String) item.get("id")).filter(ours::contains)
        .toList();
  }

  static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  @Test
  void listsNewestFirstWithEachFilterAndTheStatusThatReadingATicketShows() {
    String waiting = open("P3", "standard");
    complete(waiting, "waiting-on-customer");
    String engineering = open("P2", "business");
    complete(engineering, "handoff-engineering");
    String triage = open("P1", "enterprise");
    String cancelled = open("P4", "free");
    runtimeService.deleteProcessInstance(instance(cancelled), "opened twice");
    List<String> ours = List.of(waiting, engineering, triage, cancelled);

    assertThat(listed("", ours)).containsExactly(cancelled, triage, engineering, waiting);
    assertThat(listed("&status=open", ours)).containsExactly(triage, engineering);
    assertThat(listed("&status=waiting-on-customer", ours)).containsExactly(waiting);
    assertThat(listed("&status=cancelled", ours)).containsExactly(cancelled);
    assertThat(listed("&status=closed", ours)).isEmpty();
    assertThat(listed("&team=support", ours)).containsExactly(triage, waiting);
    assertThat(listed("&team=engineering", ours)).containsExactly(engineering);
    assertThat(listed("&tier=business", ours)).containsExactly(engineering);
    assertThat(listed("&priority=P1&tier=enterprise", ours)).containsExactly(triage);
    assertThat(listed("&priority=P1&tier=free", ours)).isEmpty();
    for (Map<String, Object> item : items(page("sophie", ""))) {
      if (ours.contains(item.get("id"))) {
        Map<String, Object> ticket = get(rest, "sophie", "/api/tickets/" + item.get("id")).getBody();
        assertThat(item.get("status")).as((String) item.get("id")).isEqualTo(ticket.get("status"));
        assertThat(item.get("team")).as((String) item.get("id")).isEqualTo(ticket.get("team"));
        assertThat(item.get("createdAt")).isEqualTo(ticket.get("createdAt"));
      }
    }
    Map<String, Object> row = items(page("sophie", "&priority=P1&tier=enterprise")).get(0);
    assertThat(row).containsEntry("id", triage).containsEntry("subject", "Checkout fails")
        .containsEntry("customer", Map.of("id", "acme", "name", "ACME")).containsEntry("tier", "enterprise")
        .containsEntry("priority", "P1").containsEntry("breached", false).containsEntry("atRisk", false)
        .containsKeys("createdAt", "firstResponseDue", "resolutionDue").doesNotContainKey("closedAt");
    assertThat(items(page("sophie", "&status=cancelled")).get(0)).containsEntry("id", cancelled)
        .containsKey("closedAt").doesNotContainKey("team");
  }

  @Test
  void aClockPastItsWarningIsAtRiskAndPastItsBreachIsBreached() {
    // Enterprise P1: the first-response SLA is 30 minutes of 24x7, its warning at 75 % (22.5 minutes).
    String ticket = open("P1", "enterprise");
    String calm = open("P4", "free");
    List<String> ours = List.of(ticket, calm);
    assertThat(listed("&atRisk=true", ours)).isEmpty();
    assertThat(listed("&breached=false&atRisk=false", ours)).containsExactly(calm, ticket);

    ClockUtil.offset(23 * 60_000L);
    Api.executeJobs(managementService, instance(ticket));

    assertThat(listed("&atRisk=true", ours)).containsExactly(ticket);
    assertThat(listed("&atRisk=false", ours)).containsExactly(calm);
    assertThat(listed("&breached=true", ours)).isEmpty();

    ClockUtil.offset(31 * 60_000L);
    Api.executeJobs(managementService, instance(ticket));

    assertThat(listed("&breached=true", ours)).containsExactly(ticket);
    assertThat(listed("&breached=false", ours)).containsExactly(calm);
    assertThat(listed("&atRisk=true", ours)).isEmpty();
    assertThat(items(page("sophie", "&breached=true")).get(0)).containsEntry("id", ticket)
        .containsEntry("breached", true).containsKeys("firstResponseDue", "resolutionDue");
  }

  @Test
  void pagesAreSlicesOfOneOrderAndTheTotalCountsEveryMatch() {
    open("P3", "standard");
    open("P3", "standard");
    open("P3", "standard");

    Map<String, Object> firstTwo = get(rest, "sophie", "/api/tickets?size=2").getBody();
    Map<String, Object> second = get(rest, "sophie", "/api/tickets?size=1&page=1").getBody();
    Map<String, Object> defaults = get(rest, "sophie", "/api/tickets").getBody();

    assertThat(items(firstTwo)).hasSize(2);
    assertThat(items(second)).containsExactly(items(firstTwo).get(1));
    assertThat(second).containsEntry("page", 1).containsEntry("size", 1);
    assertThat(defaults).containsEntry("page", 0).containsEntry("size", 20);
    assertThat(((Number) defaults.get("total")).longValue()).isGreaterThanOrEqualTo(3)
        .isEqualTo(((Number) firstTwo.get("total")).longValue());
    long total = ((Number) defaults.get("total")).longValue();
    Map<String, Object> beyond = get(rest, "sophie", "/api/tickets?size=100&page=" + (total / 100 + 1)).getBody();
    assertThat(items(beyond)).isEmpty();
    assertThat(((Number) beyond.get("total")).longValue()).isEqualTo(total);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      color=red                  | color
      status=pending             | status
      status=Open                | status
      status=open&status=closed  | status
      team=marketing             | team
      tier=gold                  | tier
      priority=P5                | priority
      breached=yes               | breached
      atRisk=1                   | atRisk
      page=-1                    | page
      page=x                     | page
      size=0                     | size
      size=101                   | size
      """)
  void anUnknownParameterOrValueIsA400NamingIt(String query, String parameter) {
    ResponseEntity<Map<String, Object>> answer = get(rest, "sophie", "/api/tickets?" + query);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody()).containsEntry("title", "Invalid request parameter")
        .containsEntry("parameter", parameter);
    assertThat((String) answer.getBody().get("detail")).contains(parameter);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      sam    | 403
      sid    | 403
      sophie | 200
      crm    | 200
      demo   | 200
      """)
  void whoMayReadATicketMayListThemAndAnAgentMayNot(String user, int status) {
    ResponseEntity<String> answer = rest.withBasicAuth(user, user).exchange("/api/tickets", HttpMethod.GET, null,
        String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    if (status == 403) {
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody()).contains("\"title\":\"Forbidden\"").doesNotContain("\"items\"");
    }
  }

  @Test
  void anAnonymousCallerGetsA401ProblemAndNoTickets() {
    ResponseEntity<String> answer = rest.exchange("/api/tickets?status=open", HttpMethod.GET, null, String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(401);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody()).doesNotContain("\"items\"").doesNotContain("T-");
  }
}
