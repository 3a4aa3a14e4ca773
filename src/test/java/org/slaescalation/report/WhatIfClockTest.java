package org.slaescalation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.report.ReportClockTest.compliance;
import static org.slaescalation.support.Api.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.ProcessEngine;
import org.slaescalation.support.TicketTimeline;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/reports/what-if} against tickets whose timelines the test drives with the engine clock, opened
 * through the ticket API on days no other test opens tickets on (Monday 4 and Tuesday 5 November 2019), worked by
 * completing their tasks, their due timers executed as the job executor would. Every ticket ends resolved.
 *
 * <p>Shipped policy (calendar {@code 24x7}, so business time is wall time): an enterprise P2 incident first response
 * 1 h, resolution 8 h; P1 30 min and 4 h; internal target 75 %. The edited policy makes P1's first response looser
 * (45 min) and P2 stricter (first response 25 min, resolution 1 h). Timeline on 4 November, minutes after 09:00 UTC:
 * <pre>
 * A P2  0:50 reply + resolved: FR 50, resolution 50    actual met/met        edited: FR breached, resolution met
 * C P1  0:30 FR breached (ladder), 0:40 reply +        actual breached/met   edited: FR 40 of 45 met, resolution met
 *       resolved: FR 40, resolution 40
 * D P2  0:10 reply + waiting on the customer, 3:10     actual met/met        edited: FR met; resolution 210 - 180
 *       customer answers, 3:30 reply + resolved            paused = 30 of 60, met (the pause does not count)
 * E P2  0:30 reply + resolved (resolution 30), 1:00    actual met/met        edited: FR 30 of 25 breached; the
 *       reopened, 2:00 reply + resolved: 90                                  reopened resolution 90 of 60 breached
 * </pre>
 * Internal targets of the edited policy (75 %): P1 FR 33:45 (C's 40 misses it), resolution 3 h (C's 40 meets it);
 * P2 FR 18:45 (only D's 10 meets it), resolution 45 min (only D's 30 meets it).
 */
@ApplicationTest
class WhatIfClockTest {

  static final Instant MONDAY = Instant.parse("2019-11-04T09:00:00Z");
  static final Instant TUESDAY = Instant.parse("2019-11-05T09:00:00Z");

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine processEngine;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;

  TicketTimeline timeline;

  @BeforeEach
  void startTimeline() {
    timeline = new TicketTimeline(rest, processEngine, MONDAY);
  }

  @AfterEach
  void cancelTickets() {
    timeline.cancelAll();
  }

  @Test
  void looserAndStricterBudgetsChangeTheResult_pausesDoNotCount_aReopenedResolutionCountsBothStints() {
    timeline.at(0);
    String a = timeline.open("P2", "enterprise");
    String c = timeline.open("P1", "enterprise");
    String d = timeline.open("P2", "enterprise");
    String e = timeline.open("P2", "enterprise");
    timeline.at(10, d);
    timeline.completeWithReply(d, "waiting-on-customer");
    timeline.at(30, c, e);
    timeline.completeWithReply(e, "resolved");
    timeline.at(40, c);
    timeline.completeWithReply(c, "resolved");
    timeline.at(50, a);
    timeline.completeWithReply(a, "resolved");
    timeline.at(60, e);
    timeline.complete(e, "reopen");
    timeline.at(120, e);
    timeline.completeWithReply(e, "resolved");
    timeline.at(190, d);
    post(rest, "crm", "/api/tickets/" + d + "/customer-replies", "{\"message\": \"Here are the logs\"}");
    Api.executeJobs(managementService, timeline.instance(d));
    timeline.at(210, d);
    timeline.completeWithReply(d, "resolved");
    timeline.at(300, a, c, d, e);
    String day = "from=2019-11-04&to=2019-11-04&groupBy=priority";
    List<DecisionDefinition> deployed = repositoryService.createDecisionDefinitionQuery().list();

    // The shipped policy again: what-if and actual agree, and the actual is the compliance report's.
    Map<String, Map<String, Object>> same = whatIf(day, Policies.shipped());
    Map<String, Map<String, Object>> report = report(day);
    assertThat(same.keySet()).containsExactly("P1", "P2");
    for (String group : same.keySet()) {
      Map<String, Object> row = same.get(group);
      assertThat(row.get("whatIf")).isEqualTo(row.get("actual"));
      assertThat(row).containsEntry("changed", 0).containsEntry("tickets", report.get(group).get("tickets"));
      assertThat(actual(row, "firstResponse")).isEqualTo(report.get(group).get("firstResponse"));
      assertThat(actual(row, "resolution")).isEqualTo(report.get(group).get("resolution"));
    }

    String edited = Policies.withEntry(Policies.withEntry(Policies.withEntry(Policies.shipped(),
        "OutputEntry_SlaPolicy_01_FirstResponse", "\"PT45M\""),
        "OutputEntry_SlaPolicy_02_FirstResponse", "\"PT25M\""),
        "OutputEntry_SlaPolicy_02_Resolution", "\"PT1H\"");
    Map<String, Map<String, Object>> rows = whatIf(day, edited);
    assertThat(rows.keySet()).containsExactly("P1", "P2");
    // Looser: C's breached first response is met.
    assertThat(rows.get("P1")).containsEntry("tickets", 1).containsEntry("changed", 1);
    assertThat(actual(rows.get("P1"), "firstResponse")).isEqualTo(compliance(0, 1, 0.0, 0));
    assertThat(whatIf(rows.get("P1"), "firstResponse")).isEqualTo(compliance(1, 0, 1.0, 0));
    assertThat(whatIf(rows.get("P1"), "resolution")).isEqualTo(compliance(1, 0, 1.0, 1));
    // Stricter: A's and E's first responses breach, E's reopened resolution breaches; D's paused one does not.
    assertThat(rows.get("P2")).containsEntry("tickets", 3).containsEntry("changed", 2);
    assertThat(actual(rows.get("P2"), "firstResponse")).isEqualTo(compliance(3, 0, 1.0, 2));
    assertThat(actual(rows.get("P2"), "resolution")).isEqualTo(compliance(3, 0, 1.0, 3));
    assertThat(whatIf(rows.get("P2"), "firstResponse")).isEqualTo(compliance(1, 2, 1.0 / 3, 1));
    assertThat(whatIf(rows.get("P2"), "resolution")).isEqualTo(compliance(2, 1, 2.0 / 3, 1));

    // A P2 resolution budget of 1 h 31 min: E's reopened resolution used 90 (30, then 60 after the reopen; the 30
    // minutes between its first resolution and the reopen do not count), so it is met; internal target 68:15.
    Map<String, Map<String, Object>> exact = whatIf(day, Policies.withEntry(Policies.shipped(),
        "OutputEntry_SlaPolicy_02_Resolution", "\"PT1H31M\""));
    assertThat(whatIf(exact.get("P2"), "resolution")).isEqualTo(compliance(3, 0, 1.0, 2));

    // Nothing was deployed.
    assertThat(repositoryService.createDecisionDefinitionQuery().list()).hasSameSizeAs(deployed);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("SlaPolicy")
        .latestVersion().singleResult().getVersion()).isEqualTo(deployed.stream()
        .filter(definition -> definition.getKey().equals("SlaPolicy"))
        .mapToInt(DecisionDefinition::getVersion).max().orElseThrow());
  }

  /**
   * Ticket F, Tuesday 5 November 2019: opened 09:00 UTC (10:00 in Amsterdam), answered and resolved at 12:30 UTC:
   * 210 minutes in {@code 24x7}, but 150 in {@code support} (10:00-12:00 and 13:00-13:30 Amsterdam; lunch is closed).
   * A first-response target of 3 h breaches in 24x7 and is met in support: the new calendar counts.
   */
  @Test
  void aCalendarChangeInThePolicyCountsTheStintsInTheNewCalendar() {
    timeline.startingAt(TUESDAY);
    timeline.at(0);
    String f = timeline.open("P2", "enterprise");
    timeline.at(210, f);
    timeline.completeWithReply(f, "resolved");
    timeline.at(240, f);
    String day = "from=2019-11-05&to=2019-11-05&groupBy=tier";
    String threeHours = Policies.withEntry(Policies.shipped(), "OutputEntry_SlaPolicy_02_FirstResponse", "\"PT3H\"");

    Map<String, Object> roundTheClock = whatIf(day, threeHours).get("enterprise");
    assertThat(actual(roundTheClock, "firstResponse")).isEqualTo(compliance(0, 1, 0.0, 0));
    assertThat(whatIf(roundTheClock, "firstResponse")).isEqualTo(compliance(0, 1, 0.0, 0));
    assertThat(roundTheClock).containsEntry("changed", 0);

    Map<String, Object> officeHours = whatIf(day, Policies.withEntry(threeHours,
        "OutputEntry_SlaPolicy_02_Calendar", "\"support\"")).get("enterprise");
    assertThat(whatIf(officeHours, "firstResponse")).isEqualTo(compliance(1, 0, 1.0, 0));
    assertThat(whatIf(officeHours, "resolution")).isEqualTo(compliance(1, 0, 1.0, 1));
    assertThat(officeHours).containsEntry("changed", 1);

    // Values an expression yields are checked when a ticket uses them: the problem names the ticket and its inputs.
    String computed = Policies.withEntry(Policies.shipped(), "OutputEntry_SlaPolicy_02_FirstResponse",
        "\"PT\" + \"3 hours\"");
    assertThat(refusal(day, computed)).contains("'PT3 hours' for ticket " + f).contains("priority P2");
    String percent = Policies.withEntry(Policies.shipped(), "OutputEntry_SlaPolicy_02_InternalTarget", "150");
    assertThat(refusal(day, percent)).contains("internalTargetPercent is '150' for ticket " + f);
  }

  String refusal(String query, String dmn) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_XML);
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth("sophie", "sophie").exchange(
        "/api/reports/what-if?" + query, HttpMethod.POST,
        new HttpEntity<>(dmn.getBytes(StandardCharsets.UTF_8), headers), new ParameterizedTypeReference<>() {});
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
    return (String) answer.getBody().get("detail");
  }

  @SuppressWarnings("unchecked")
  static Object actual(Map<String, Object> row, String clock) {
    return ((Map<String, Object>) row.get("actual")).get(clock);
  }

  @SuppressWarnings("unchecked")
  static Object whatIf(Map<String, Object> row, String clock) {
    return ((Map<String, Object>) row.get("whatIf")).get(clock);
  }

  Map<String, Map<String, Object>> whatIf(String query, String dmn) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_XML);
    ResponseEntity<List<Map<String, Object>>> answer = rest.withBasicAuth("sophie", "sophie").exchange(
        "/api/reports/what-if?" + query, HttpMethod.POST,
        new HttpEntity<>(dmn.getBytes(StandardCharsets.UTF_8), headers), new ParameterizedTypeReference<>() {});
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return byGroup(answer.getBody());
  }

  Map<String, Map<String, Object>> report(String query) {
    ResponseEntity<List<Map<String, Object>>> answer = rest.withBasicAuth("sophie", "sophie").exchange(
        "/api/reports/sla?" + query, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    return byGroup(answer.getBody());
  }

  static Map<String, Map<String, Object>> byGroup(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> byGroup = new LinkedHashMap<>();
    rows.forEach(row -> byGroup.put((String) row.get("group"), row));
    return byGroup;
  }

}
