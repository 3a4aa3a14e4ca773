package org.slaescalation.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.support.Api.get;
import static org.slaescalation.support.Api.post;
import static org.slaescalation.support.Api.ticketJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.ticket.TicketProcess;
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

  /** This test's tickets, cancelled after it, so that none of their timers falls due in another test. */
  final List<String> opened = new ArrayList<>();

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @AfterEach
  void cancelTicketsAndResetClock() {
    for (String ticketId : opened) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY)
          .processInstanceBusinessKey(ticketId).list()
          .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "board test over"));
    }
    ClockUtil.reset();
  }

  /** Sets the engine clock to {@code T0} plus {@code minutes} and executes every due job of the tickets. */
  void at(long minutes, String... ticketIds) {
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofMinutes(minutes))));
    for (String ticketId : ticketIds) {
      Api.executeJobs(managementService, instance(ticketId));
    }
  }

  static Instant t(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  String open(String priority) {
    String id = (String) post(rest, "crm", "/api/tickets", ticketJson(null, priority, "enterprise")).getBody()
        .get("id");
    opened.add(id);
    Api.executeJobs(managementService, instance(id));
    return id;
  }

  String instance(String ticketId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY)
        .processInstanceBusinessKey(ticketId).singleResult().getId();
  }

  Task task(String ticketId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(ticketId).singleResult();
  }

  /** Completes the ticket's task without a reply to the customer (the first-response clock keeps running). */
  void complete(String ticketId, String outcome) {
    taskService.complete(task(ticketId).getId(), Map.of("outcome", outcome, "internalNote", "note"));
    Api.executeJobs(managementService, instance(ticketId));
  }

  /** Completes the task with a reply to the customer and sends it: the first response is met now. */
  void completeWithReply(String ticketId, String outcome) {
    taskService.complete(task(ticketId).getId(), Map.of("outcome", outcome, "internalNote", "note",
        "customerReply", "Please clear your cache."));
    for (ProcessInstance mail : runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(TicketProcess.REPLY_MAIL_PROCESS_KEY).processInstanceBusinessKey(ticketId).list()) {
      Api.executeJobs(managementService, mail.getId());
    }
    Api.executeJobs(managementService, instance(ticketId));
  }

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

  @Test
  void aClockIsAtRiskFromItsWarningAndBreachedFromItsBreach_andWhatBreachesFirstIsOnTop() {
    at(0);
    String p2 = open("P2");
    at(5);
    String p1 = open("P1"); // first response 30 min, resolution 4 h, support OLA 30 min

    Map<String, Object> calm = row(p2);
    assertThat(calm).containsEntry("state", "running").containsEntry("team", "support")
        .containsEntry("tier", "enterprise").containsEntry("priority", "P2").containsEntry("status", "open")
        .containsEntry("subject", "Checkout fails").containsEntry("customer", Map.of("id", "acme", "name", "ACME"));
    assertClock(calm, "first-response", "running", Duration.ofMinutes(55), t(60));
    assertClock(calm, "resolution", "running", Duration.ofMinutes(8 * 60 - 5), t(8 * 60));
    assertClock(calm, "ola-support", "running", Duration.ofMinutes(55), t(60));
    assertThat(clocks(calm).get("first-response")).containsEntry("remainingText", "55 min left")
        .containsEntry("warningDue", t(45).toString());
    assertThat(calm.get("nextDue")).isEqualTo(t(60).toString());
    Map<String, Object> task = (Map<String, Object>) calm.get("task");
    assertThat(task.get("name")).isEqualTo("Triage " + p2);
    assertThat(task.get("tasklist")).isEqualTo("/camunda/app/tasklist/default/#/?task=" + task(p2).getId());
    assertThat(order("", p2, p1)).as("P1's first response is due at 0:35, P2's at 1:00").containsExactly(p1, p2);
    assertThat(order("?priority=P1", p2, p1)).containsExactly(p1);
    assertThat(order("?tier=enterprise&priority=P2", p2, p1)).containsExactly(p2);

    // 0:30: P1 has used 25 of its 30 minutes, past its warning at 22.5; P2 30 of 60, before its warning at 45.
    at(30, p1, p2);
    assertThat(row(p1)).containsEntry("state", "at-risk");
    assertClock(row(p1), "first-response", "at-risk", Duration.ofMinutes(5), t(35));
    assertClock(row(p2), "first-response", "running", Duration.ofMinutes(30), t(60));
    assertThat(order("?state=at-risk", p2, p1)).containsExactly(p1);
    assertThat(order("?state=running", p2, p1)).containsExactly(p2);

    // 0:36: P1's first response breached at 0:35, recorded by its ladder; it stays on top.
    at(36, p1, p2);
    Map<String, Object> breached = row(p1);
    assertThat(breached).containsEntry("state", "breached");
    assertClock(breached, "first-response", "breached", Duration.ofMinutes(-1), t(35));
    assertThat(clocks(breached).get("first-response")).containsEntry("remainingText", "overdue by 1 min");
    assertClock(breached, "resolution", "running", Duration.ofMinutes(4 * 60 - 31), t(5 + 4 * 60));
    assertThat(order("?state=breached", p2, p1)).containsExactly(p1);
    assertThat(order("", p2, p1)).containsExactly(p1, p2);
  }

  @Test
  void aTicketWaitingOnTheCustomerIsPausedWithItsTimeLeftFrozen_andListedAfterTheRunningOnes() {
    at(0);
    String waiting = open("P2");
    // 0:20: support asks the customer, with a reply that meets the first response.
    at(20, waiting);
    completeWithReply(waiting, "waiting-on-customer");

    Map<String, Object> paused = row(waiting);
    assertThat(paused).containsEntry("state", "paused").containsEntry("status", "waiting-on-customer")
        .containsEntry("team", "support").doesNotContainKey("nextDue");
    assertThat(((Map<String, Object>) paused.get("task")).get("name")).as("support's task in Waiting on customer")
        .isEqualTo("Waiting on customer " + waiting);
    assertThat(clocks(paused)).as("the first response was met").doesNotContainKey("first-response");
    assertClock(paused, "resolution", "paused", Duration.ofMinutes(8 * 60 - 20), t(8 * 60));
    assertClock(paused, "ola-support", "paused", Duration.ofMinutes(40), t(60));

    // 3:00: nothing was spent while waiting; the due instants moved by the 2:40 of the pause.
    at(180, waiting);
    String running = open("P2");
    paused = row(waiting);
    assertClock(paused, "resolution", "paused", Duration.ofMinutes(8 * 60 - 20), t(180 + 8 * 60 - 20));
    assertClock(paused, "ola-support", "paused", Duration.ofMinutes(40), t(180 + 40));
    assertThat(order("", waiting, running)).as("paused rows after running ones").containsExactly(running, waiting);
    assertThat(order("?state=paused", waiting, running)).containsExactly(waiting);

    // The customer answers at 3:00; at 3:30 the clocks have run 30 more minutes. The support OLA has used 20 + 30
    // of its 60 minutes, past its warning at 45 (3:25): the row is at risk.
    post(rest, "crm", "/api/tickets/" + waiting + "/customer-replies", "{\"message\": \"Here are the logs\"}");
    Api.executeJobs(managementService, instance(waiting));
    at(210, waiting, running);
    Map<String, Object> resumed = row(waiting);
    assertThat(resumed).containsEntry("state", "at-risk").containsEntry("status", "open")
        .containsEntry("nextDue", t(180 + 40).toString());
    assertThat(((Map<String, Object>) resumed.get("task")).get("name")).isEqualTo("Follow up " + waiting);
    assertClock(resumed, "resolution", "running", Duration.ofMinutes(8 * 60 - 20 - 30), t(180 + 8 * 60 - 20));
    assertClock(resumed, "ola-support", "at-risk", Duration.ofMinutes(40 - 30), t(180 + 40));
    assertThat(clocks(resumed).get("ola-support")).containsEntry("warningDue", t(180 + 25).toString());
  }

  @Test
  void aTicketHandedSupportToEngineeringToSupportShowsOnlyTheCurrentStintOfEachTeam() {
    at(0);
    String ticket = open("P2");
    at(15, ticket);
    complete(ticket, "handoff-engineering");

    Map<String, Object> atEngineering = row(ticket);
    assertThat(atEngineering).containsEntry("team", "engineering").containsEntry("state", "running");
    assertThat(((Map<String, Object>) atEngineering.get("task")).get("name")).isEqualTo("Investigate " + ticket);
    assertThat(clocks(atEngineering)).as("support's stint is over").doesNotContainKey("ola-support");
    assertClock(atEngineering, "ola-engineering", "running", Duration.ofHours(4), t(15 + 4 * 60));
    assertClock(atEngineering, "first-response", "running", Duration.ofMinutes(45), t(60));
    assertThat(order("?team=engineering", ticket)).containsExactly(ticket);
    assertThat(order("?team=support", ticket)).isEmpty();

    // 2:15: back to support, whose second stint starts with a whole budget of its own. No reply was sent: the first
    // response breached at 1:00.
    at(135, ticket);
    complete(ticket, "back-to-support");

    Map<String, Object> backAtSupport = row(ticket);
    assertThat(backAtSupport).containsEntry("team", "support").containsEntry("state", "breached");
    assertThat(((Map<String, Object>) backAtSupport.get("task")).get("name")).isEqualTo("Follow up " + ticket);
    assertThat(clocks(backAtSupport)).doesNotContainKey("ola-engineering");
    assertClock(backAtSupport, "ola-support", "running", Duration.ofHours(1), t(135 + 60));
    assertClock(backAtSupport, "first-response", "breached", Duration.ofMinutes(60 - 135), t(60));
    assertClock(backAtSupport, "resolution", "running", Duration.ofMinutes(8 * 60 - 135), t(8 * 60));
    assertThat(order("?team=support&state=breached", ticket)).containsExactly(ticket);
    assertThat(order("?team=engineering", ticket)).isEmpty();
  }

  @Test
  void aReopenedTicketsResolutionClockCarriesTheTimeSpent_andIsAtRiskOnceItsWarningInstantPassed() {
    at(0);
    String ticket = open("P2");
    // 0:30: support resolves it with a reply: the first response and the resolution are met, 0:30 spent.
    at(30, ticket);
    completeWithReply(ticket, "resolved");

    Map<String, Object> confirming = row(ticket);
    assertThat(confirming).containsEntry("status", "resolved").containsEntry("state", "running");
    assertThat(((Map<String, Object>) confirming.get("task")).get("name"))
        .isEqualTo("Confirm resolution " + ticket);
    assertThat(clocks(confirming).keySet()).containsExactly("ola-support");
    assertClock(confirming, "ola-support", "running", Duration.ofHours(1), t(30 + 60));

    // 1:00: the customer says it is not fixed. The new resolution stint carries the 0:30 spent; the 0:30 since the
    // resolution count as paused, so it is due at 8:30, its warning (6 h) at 6:30.
    at(60, ticket);
    complete(ticket, "reopen");

    Map<String, Object> reopened = row(ticket);
    assertThat(reopened).containsEntry("status", "open").containsEntry("state", "running");
    assertThat(((Map<String, Object>) reopened.get("task")).get("name")).isEqualTo("Triage " + ticket);
    assertClock(reopened, "resolution", "running", Duration.ofMinutes(8 * 60 - 30), t(8 * 60 + 30));
    assertThat(clocks(reopened).get("resolution")).containsEntry("warningDue", t(6 * 60 + 30).toString())
        .containsEntry("remainingText", "7 h 30 min left");
    assertClock(reopened, "ola-support", "running", Duration.ofHours(1), t(60 + 60));

    // 6:31, no job executed: no rung of the new stint is recorded, but its warning instant has passed. The support
    // OLA's breach instant (2:00) has passed too: the row is breached before the ladder says so.
    at(6 * 60 + 31);
    Map<String, Object> late = row(ticket);
    assertClock(late, "resolution", "at-risk", Duration.ofMinutes(8 * 60 - 30 - (6 * 60 + 31 - 60)),
        t(8 * 60 + 30));
    assertClock(late, "ola-support", "breached", Duration.ofMinutes(60 - (6 * 60 + 31 - 60)), t(60 + 60));
    assertThat(late).containsEntry("state", "breached").containsEntry("nextDue", t(60 + 60).toString());
  }
}
