package org.slaescalation.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.support.Api.get;
import static org.slaescalation.support.Api.post;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.ProcessEngine;
import org.slaescalation.support.TicketTimeline;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The numbers of the SLA board against tickets whose timelines the test drives with the engine clock: opened
 * through the ticket API, worked by completing their tasks, their due timers executed as the job executor would.
 *
 * <p>Every ticket is an enterprise P2 incident, so every clock counts in calendar {@code 24x7} and business time
 * is wall time: first response 1 h and resolution 8 h (decision SlaPolicy, warning at 75 %), the support OLA 1 h
 * and the engineering OLA 4 h (OlaBudget, warning at 75 %). The expected time left and due instants follow from
 * those budgets and the timeline, worked out in each test. The shared context holds other tests' tickets too: each
 * test looks at its own rows.
 */
@ApplicationTest
@SuppressWarnings("unchecked")
class BoardClockTest {

  /**
   * A Monday in the past: the other tests list tickets newest first and look at the first rows, which stay theirs.
   */
  static final Instant T0 = Instant.parse("2021-03-01T09:00:00Z");

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine processEngine;
  @Autowired ManagementService managementService;

  Map<String, Object> board(String query) {
    var answer = get(rest, "sophie", "/api/board" + query);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  /** This test's tickets among the board's rows, in the board's order. */
  List<String> order(String query, String... ours) {
    return ((List<Map<String, Object>>) board(query).get("rows")).stream().map(row -> (String) row.get("ticketId"))
        .filter(List.of(ours)::contains).toList();
  }

  Map<String, Object> row(String ticketId) {
    return ((List<Map<String, Object>>) board("").get("rows")).stream()
        .filter(row -> ticketId.equals(row.get("ticketId"))).findFirst()
        .orElseThrow(() -> new AssertionError(ticketId + " is not on the board"));
  }

  static Map<String, Map<String, Object>> clocks(Map<String, Object> row) {
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    for (Map<String, Object> clock : (List<Map<String, Object>>) row.get("clocks")) {
      byName.put((String) clock.get("clock"), clock);
    }
    return byName;
  }

  /** Asserts a clock's state, time left and due instant. */
  static void assertClock(Map<String, Object> row, String clock, String state, Duration left, Instant due) {
    Map<String, Object> shown = clocks(row).get(clock);
    assertThat(shown).as(row.get("ticketId") + " " + clock + " in " + row.get("clocks")).isNotNull();
    assertThat(shown.get("state")).as(clock).isEqualTo(state);
    assertThat(Duration.parse((String) shown.get("remaining"))).as(clock + " left").isEqualTo(left);
    assertThat(Instant.parse((String) shown.get("due"))).as(clock + " due").isEqualTo(due);
  }

  TicketTimeline timeline;

  @BeforeEach
  void startTimeline() {
    timeline = new TicketTimeline(rest, processEngine, T0);
  }

  @AfterEach
  void cancelTickets() {
    timeline.cancelAll();
  }

  @Test
  void aClockIsAtRiskFromItsWarningAndBreachedFromItsBreach_andWhatBreachesFirstIsOnTop() {
    timeline.at(0);
    String p2 = timeline.open("P2", "enterprise");
    timeline.at(5);
    String p1 = timeline.open("P1", "enterprise"); // first response 30 min, resolution 4 h, support OLA 30 min

    Map<String, Object> calm = row(p2);
    assertThat(calm).containsEntry("state", "running").containsEntry("team", "support")
        .containsEntry("tier", "enterprise").containsEntry("priority", "P2").containsEntry("status", "open")
        .containsEntry("subject", "Checkout fails").containsEntry("customer", Map.of("id", "acme", "name", "ACME"));
    assertClock(calm, "first-response", "running", Duration.ofMinutes(55), timeline.t(60));
    assertClock(calm, "resolution", "running", Duration.ofMinutes(8 * 60 - 5), timeline.t(8 * 60));
    assertClock(calm, "ola-support", "running", Duration.ofMinutes(55), timeline.t(60));
    assertThat(clocks(calm).get("first-response")).containsEntry("remainingText", "55 min left")
        .containsEntry("warningDue", timeline.t(45).toString());
    assertThat(calm.get("nextDue")).isEqualTo(timeline.t(60).toString());
    Map<String, Object> task = (Map<String, Object>) calm.get("task");
    assertThat(task.get("name")).isEqualTo("Triage " + p2);
    assertThat(task.get("tasklist")).isEqualTo("/camunda/app/tasklist/default/#/?task=" + timeline.task(p2).getId());
    assertThat(order("", p2, p1)).as("P1's first response is due at 0:35, P2's at 1:00").containsExactly(p1, p2);
    assertThat(order("?priority=P1", p2, p1)).containsExactly(p1);
    assertThat(order("?tier=enterprise&priority=P2", p2, p1)).containsExactly(p2);

    // 0:30: P1 has used 25 of its 30 minutes, past its warning at 22.5; P2 30 of 60, before its warning at 45.
    timeline.at(30, p1, p2);
    assertThat(row(p1)).containsEntry("state", "at-risk");
    assertClock(row(p1), "first-response", "at-risk", Duration.ofMinutes(5), timeline.t(35));
    assertClock(row(p2), "first-response", "running", Duration.ofMinutes(30), timeline.t(60));
    assertThat(order("?state=at-risk", p2, p1)).containsExactly(p1);
    assertThat(order("?state=running", p2, p1)).containsExactly(p2);

    // 0:36: P1's first response breached at 0:35, recorded by its ladder; it stays on top.
    timeline.at(36, p1, p2);
    Map<String, Object> breached = row(p1);
    assertThat(breached).containsEntry("state", "breached");
    assertClock(breached, "first-response", "breached", Duration.ofMinutes(-1), timeline.t(35));
    assertThat(clocks(breached).get("first-response")).containsEntry("remainingText", "overdue by 1 min");
    assertClock(breached, "resolution", "running", Duration.ofMinutes(4 * 60 - 31), timeline.t(5 + 4 * 60));
    assertThat(order("?state=breached", p2, p1)).containsExactly(p1);
    assertThat(order("", p2, p1)).containsExactly(p1, p2);
  }

  @Test
  void aTicketWaitingOnTheCustomerIsPausedWithItsTimeLeftFrozen_andListedAfterTheRunningOnes() {
    timeline.at(0);
    String waiting = timeline.open("P2", "enterprise");
    // 0:20: support asks the customer, with a reply that meets the first response.
    timeline.at(20, waiting);
    timeline.completeWithReply(waiting, "waiting-on-customer");

    Map<String, Object> paused = row(waiting);
    assertThat(paused).containsEntry("state", "paused").containsEntry("status", "waiting-on-customer")
        .containsEntry("team", "support").doesNotContainKey("nextDue");
    assertThat(((Map<String, Object>) paused.get("task")).get("name")).as("support's task in Waiting on customer")
        .isEqualTo("Waiting on customer " + waiting);
    assertThat(clocks(paused)).as("the first response was met").doesNotContainKey("first-response");
    assertClock(paused, "resolution", "paused", Duration.ofMinutes(8 * 60 - 20), timeline.t(8 * 60));
    assertClock(paused, "ola-support", "paused", Duration.ofMinutes(40), timeline.t(60));

    // 3:00: nothing was spent while waiting; the due instants moved by the 2:40 of the pause.
    timeline.at(180, waiting);
    String running = timeline.open("P2", "enterprise");
    paused = row(waiting);
    assertClock(paused, "resolution", "paused", Duration.ofMinutes(8 * 60 - 20), timeline.t(180 + 8 * 60 - 20));
    assertClock(paused, "ola-support", "paused", Duration.ofMinutes(40), timeline.t(180 + 40));
    assertThat(order("", waiting, running)).as("paused rows after running ones").containsExactly(running, waiting);
    assertThat(order("?state=paused", waiting, running)).containsExactly(waiting);

    // The customer answers at 3:00; at 3:30 the clocks have run 30 more minutes. The support OLA has used 20 + 30
    // of its 60 minutes, past its warning at 45 (3:25): the row is at risk.
    post(rest, "crm", "/api/tickets/" + waiting + "/customer-replies", "{\"message\": \"Here are the logs\"}");
    Api.executeJobs(managementService, timeline.instance(waiting));
    timeline.at(210, waiting, running);
    Map<String, Object> resumed = row(waiting);
    assertThat(resumed).containsEntry("state", "at-risk").containsEntry("status", "open")
        .containsEntry("nextDue", timeline.t(180 + 40).toString());
    assertThat(((Map<String, Object>) resumed.get("task")).get("name")).isEqualTo("Follow up " + waiting);
    assertClock(resumed, "resolution", "running", Duration.ofMinutes(8 * 60 - 20 - 30), timeline.t(180 + 8 * 60 - 20));
    assertClock(resumed, "ola-support", "at-risk", Duration.ofMinutes(40 - 30), timeline.t(180 + 40));
    assertThat(clocks(resumed).get("ola-support")).containsEntry("warningDue", timeline.t(180 + 25).toString());
  }

  @Test
  void aTicketHandedSupportToEngineeringToSupportShowsOnlyTheCurrentStintOfEachTeam() {
    timeline.at(0);
    String ticket = timeline.open("P2", "enterprise");
    timeline.at(15, ticket);
    timeline.complete(ticket, "handoff-engineering");

    Map<String, Object> atEngineering = row(ticket);
    assertThat(atEngineering).containsEntry("team", "engineering").containsEntry("state", "running");
    assertThat(((Map<String, Object>) atEngineering.get("task")).get("name")).isEqualTo("Investigate " + ticket);
    assertThat(clocks(atEngineering)).as("support's stint is over").doesNotContainKey("ola-support");
    assertClock(atEngineering, "ola-engineering", "running", Duration.ofHours(4), timeline.t(15 + 4 * 60));
    assertClock(atEngineering, "first-response", "running", Duration.ofMinutes(45), timeline.t(60));
    assertThat(order("?team=engineering", ticket)).containsExactly(ticket);
    assertThat(order("?team=support", ticket)).isEmpty();

    // 2:15: back to support, whose second stint starts with a whole budget of its own. No reply was sent: the first
    // response breached at 1:00.
    timeline.at(135, ticket);
    timeline.complete(ticket, "back-to-support");

    Map<String, Object> backAtSupport = row(ticket);
    assertThat(backAtSupport).containsEntry("team", "support").containsEntry("state", "breached");
    assertThat(((Map<String, Object>) backAtSupport.get("task")).get("name")).isEqualTo("Follow up " + ticket);
    assertThat(clocks(backAtSupport)).doesNotContainKey("ola-engineering");
    assertClock(backAtSupport, "ola-support", "running", Duration.ofHours(1), timeline.t(135 + 60));
    assertClock(backAtSupport, "first-response", "breached", Duration.ofMinutes(60 - 135), timeline.t(60));
    assertClock(backAtSupport, "resolution", "running", Duration.ofMinutes(8 * 60 - 135), timeline.t(8 * 60));
    assertThat(order("?team=support&state=breached", ticket)).containsExactly(ticket);
    assertThat(order("?team=engineering", ticket)).isEmpty();
  }

  @Test
  void aReopenedTicketsResolutionClockCarriesTheTimeSpent_andIsAtRiskOnceItsWarningInstantPassed() {
    timeline.at(0);
    String ticket = timeline.open("P2", "enterprise");
    // 0:30: support resolves it with a reply: the first response and the resolution are met, 0:30 spent.
    timeline.at(30, ticket);
    timeline.completeWithReply(ticket, "resolved");

    Map<String, Object> confirming = row(ticket);
    assertThat(confirming).containsEntry("status", "resolved").containsEntry("state", "running");
    assertThat(((Map<String, Object>) confirming.get("task")).get("name"))
        .isEqualTo("Confirm resolution " + ticket);
    assertThat(clocks(confirming).keySet()).containsExactly("ola-support");
    assertClock(confirming, "ola-support", "running", Duration.ofHours(1), timeline.t(30 + 60));

    // 1:00: the customer says it is not fixed. The new resolution stint carries the 0:30 spent; the 0:30 since the
    // resolution count as paused, so it is due at 8:30, its warning (6 h) at 6:30.
    timeline.at(60, ticket);
    timeline.complete(ticket, "reopen");

    Map<String, Object> reopened = row(ticket);
    assertThat(reopened).containsEntry("status", "open").containsEntry("state", "running");
    assertThat(((Map<String, Object>) reopened.get("task")).get("name")).isEqualTo("Triage " + ticket);
    assertClock(reopened, "resolution", "running", Duration.ofMinutes(8 * 60 - 30), timeline.t(8 * 60 + 30));
    assertThat(clocks(reopened).get("resolution")).containsEntry("warningDue", timeline.t(6 * 60 + 30).toString())
        .containsEntry("remainingText", "7 h 30 min left");
    assertClock(reopened, "ola-support", "running", Duration.ofHours(1), timeline.t(60 + 60));

    // 6:31, no job executed: no rung of the new stint is recorded, but its warning instant has passed. The support
    // OLA's breach instant (2:00) has passed too: the row is breached before the ladder says so.
    timeline.at(6 * 60 + 31);
    Map<String, Object> late = row(ticket);
    assertClock(late, "resolution", "at-risk", Duration.ofMinutes(8 * 60 - 30 - (6 * 60 + 31 - 60)),
        timeline.t(8 * 60 + 30));
    assertClock(late, "ola-support", "breached", Duration.ofMinutes(60 - (6 * 60 + 31 - 60)), timeline.t(60 + 60));
    assertThat(late).containsEntry("state", "breached").containsEntry("nextDue", timeline.t(60 + 60).toString());
  }
}
