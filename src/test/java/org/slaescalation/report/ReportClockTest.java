package org.slaescalation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.support.Api.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.ProcessEngine;
import org.slaescalation.support.TicketTimeline;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.ticket.TicketId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The numbers of {@code GET /api/reports/sla} against tickets whose timelines the test drives with the engine clock:
 * opened through the ticket API on Monday 2 March 2020 (a day no other test opens tickets on), worked by completing
 * their tasks, their due timers executed as the job executor would.
 *
 * <p>Every clock counts in calendar {@code 24x7}, so business time is wall time. Decision SlaPolicy: an enterprise P2
 * incident has first response 1 h and resolution 8 h, an enterprise P1 30 min and 4 h, both with the internal target at
 * 75 %; a standard P1 1 h and 8 h, internal target at 80 % (48 min and 6 h 24 min). Expected numbers are worked out
 * from the timeline below, in minutes after 09:00:
 * <pre>
 * A enterprise P2  0:30 reply + resolved (FR 30, met; resolution 30), 1:00 reopened, 2:00 reply + resolved again:
 *                  resolution 90 (the 30 between the resolution and the reopen do not count), met
 * B enterprise P2  0:20 reply + to engineering (FR 20), 1:20 back to support (its second stint), 1:40 reply + waiting
 *                  on the customer, 3:40 customer answers (120 paused), 4:00 reply + resolved: resolution 240 - 120
 * C enterprise P1  0:31 first response breached (ladder), 1:00 reply + resolved: FR 60 breached, resolution 60 met
 * D enterprise P2  never answered: FR breached at 1:00 (ladder), resolution still running at 5:00 (not counted)
 * E standard P1    0:55 reply + resolved: FR 55 (met, not within its internal 48), resolution 55
 * </pre>
 */
@ApplicationTest
class ReportClockTest {

  static final Instant T0 = Instant.parse("2020-03-02T09:00:00Z");
  static final String DAY = "from=2020-03-02&to=2020-03-02";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine processEngine;
  @Autowired ManagementService managementService;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  TicketTimeline timeline;

  @BeforeEach
  void startTimeline() {
    timeline = new TicketTimeline(rest, processEngine, T0).sendingEscalationMails();
  }

  @AfterEach
  void cancelTickets() {
    timeline.cancelAll();
  }

  @Test
  void complianceAndBusinessTimesPerSegmentAndTeam_countingPausesReopenHandOffsAndBreaches() {
    timeline.at(0);
    String a = timeline.open("P2", "enterprise");
    String b = timeline.open("P2", "enterprise");
    String c = timeline.open("P1", "enterprise");
    String d = timeline.open("P2", "enterprise");
    String e = timeline.open("P1", "standard");
    timeline.at(20, b);
    timeline.completeWithReply(b, "handoff-engineering");
    timeline.at(30, a);
    timeline.completeWithReply(a, "resolved");
    timeline.at(31, c);
    timeline.at(55, e);
    timeline.completeWithReply(e, "resolved");
    timeline.at(60, a, c);
    timeline.complete(a, "reopen");
    timeline.completeWithReply(c, "resolved");
    timeline.at(61, d);
    timeline.at(80, b);
    timeline.complete(b, "back-to-support");
    timeline.at(100, b);
    timeline.completeWithReply(b, "waiting-on-customer");
    timeline.at(120, a);
    timeline.completeWithReply(a, "resolved");
    timeline.at(220, b);
    post(rest, "crm", "/api/tickets/" + b + "/customer-replies", "{\"message\": \"Here are the logs\"}");
    Api.executeJobs(managementService, timeline.instance(b));
    timeline.at(240, b);
    timeline.completeWithReply(b, "resolved");
    timeline.at(300, a, b, c, d, e);

    // Survey answers of A, B and E (the survey page records them: SurveyPageTest).
    answer(a, 2);
    answer(b, 4);
    answer(e, 5);
    Map<String, Map<String, Object>> byTier = report(DAY + "&groupBy=tier");
    assertThat(byTier.keySet()).containsExactly("enterprise", "standard");
    // First responses 20 (B), 30 (A), 60 (C, breached) and D breached unanswered; resolutions 60, 90, 120, D open.
    assertThat(byTier.get("enterprise")).containsEntry("tickets", 4)
        .containsEntry("firstResponse", compliance(2, 2, 0.5, 2))
        .containsEntry("resolution", compliance(3, 0, 1.0, 3))
        .containsEntry("medianFirstResponse", "PT30M").containsEntry("p90FirstResponse", "PT1H")
        .containsEntry("medianResolution", "PT1H30M").containsEntry("p90Resolution", "PT2H")
        // C and D breached their first response; paused: A 30 (resolved until the reopen), B 120, C 0; D open.
        .containsEntry("breaches", 2)
        .containsEntry("timePaused", Map.of("median", "PT30M", "total", "PT2H30M"))
        // First response: C and D all four rungs. Support OLA: A two stints (reopened, then confirming) warned and
        // breached, B's confirming stint, C both stints, D its one stint: six warnings, six breaches.
        .containsEntry("escalations", Map.of("internal", 2, "warning", 8, "critical", 2, "breach", 8))
        // Support stints: A 4 (met, met, breached, breached), B 3 (met, met, breached), C 2 and D 1 breached.
        .containsEntry("ola", List.of(ola("engineering", 1, 1, 0, 1.0), ola("support", 10, 4, 6, 0.4)))
        .containsEntry("csat", csat(2, 3.0, 0, 1, 0, 1, 0));
    assertThat(byTier.get("standard")).containsEntry("tickets", 1)
        .containsEntry("firstResponse", compliance(1, 0, 1.0, 0))
        .containsEntry("resolution", compliance(1, 0, 1.0, 1))
        .containsEntry("medianFirstResponse", "PT55M").containsEntry("p90FirstResponse", "PT55M")
        .containsEntry("medianResolution", "PT55M").containsEntry("p90Resolution", "PT55M")
        .containsEntry("breaches", 0).containsEntry("timePaused", Map.of("median", "PT0S", "total", "PT0S"))
        // E: first response internal, warning, critical (54 of 60 min); support OLA (30 min) warned and breached
        // while triaging, then again while the customer confirms.
        .containsEntry("escalations", Map.of("internal", 1, "warning", 3, "critical", 1, "breach", 2))
        .containsEntry("ola", List.of(ola("support", 2, 0, 2, 0.0)))
        .containsEntry("csat", csat(1, 5.0, 0, 0, 0, 0, 1));

    Map<String, Map<String, Object>> byPriority = report(DAY + "&groupBy=priority");
    assertThat(byPriority.keySet()).containsExactly("P1", "P2");
    assertThat(byPriority.get("P1")).containsEntry("tickets", 2)
        .containsEntry("firstResponse", compliance(1, 1, 0.5, 0))
        .containsEntry("resolution", compliance(2, 0, 1.0, 2))
        .containsEntry("medianFirstResponse", "PT55M").containsEntry("p90FirstResponse", "PT1H");
    assertThat(byPriority.get("P2")).containsEntry("tickets", 3)
        .containsEntry("firstResponse", compliance(2, 1, 2.0 / 3, 2))
        .containsEntry("medianResolution", "PT1H30M").containsEntry("p90Resolution", "PT2H");

    // Every ticket starts at support; only B went to engineering.
    Map<String, Map<String, Object>> byTeam = report(DAY + "&groupBy=team");
    assertThat(byTeam.keySet()).containsExactly("engineering", "support");
    assertThat(byTeam.get("support")).containsEntry("tickets", 5);
    assertThat(byTeam.get("engineering")).containsEntry("tickets", 1)
        .containsEntry("firstResponse", compliance(1, 0, 1.0, 1))
        .containsEntry("resolution", compliance(1, 0, 1.0, 1))
        .containsEntry("medianFirstResponse", "PT20M").containsEntry("medianResolution", "PT2H")
        .containsEntry("breaches", 0).containsEntry("timePaused", Map.of("median", "PT2H", "total", "PT2H"));
    assertThat(byTeam.get("support")).containsEntry("breaches", 2)
        .containsEntry("csat", csat(3, 11.0 / 3, 0, 1, 0, 1, 1));

    List<Map<String, Object>> csatByTier = list("/api/reports/csat?" + DAY + "&groupBy=tier");
    assertThat(csatByTier).extracting(row -> row.get("group")).containsExactly("enterprise", "standard");
    assertThat(csatByTier.get(0)).containsEntry("answers", 2).containsEntry("average", 3.0)
        .containsEntry("scores", scores(0, 1, 0, 1, 0))
        .containsEntry("firstResponse", compliance(2, 2, 0.5, 2))
        .containsEntry("resolution", compliance(3, 0, 1.0, 3));
    assertThat(list("/api/reports/review?" + DAY + "&groupBy=tier"))
        .as("2 answers are fewer than 5, 2 breaches fewer than 3: nothing to review").isEmpty();

    // The breach list: C's first response at 09:30 and D's at 10:00, both spent by support alone.
    List<Map<String, Object>> breaches = list("/api/reports/breaches?" + DAY);
    assertThat(breaches).extracting(row -> row.get("ticketId")).containsExactly(c, d);
    assertThat(breaches.get(0)).containsEntry("clock", "first-response").containsEntry("tier", "enterprise")
        .containsEntry("priority", "P1").containsEntry("category", "incident").containsEntry("customer", "acme")
        .containsEntry("breachedAt", "2020-03-02T09:30:00Z").containsEntry("budget", "PT30M")
        .containsEntry("consumedBy", List.of(consumer("support", 1, "PT30M", "PT30M", true)))
        .containsEntry("taskUrl", boardTaskLink(c));
    assertThat(breaches.get(1)).containsEntry("clock", "first-response").containsEntry("priority", "P2")
        .containsEntry("breachedAt", "2020-03-02T10:00:00Z").containsEntry("budget", "PT1H")
        .containsEntry("consumedBy", List.of(consumer("support", 1, "PT1H", "PT1H", true)))
        .containsEntry("taskUrl", boardTaskLink(d));
    String breachesCsv = rest.withBasicAuth("sophie", "sophie")
        .getForObject("/api/reports/breaches.csv?" + DAY, String.class);
    assertThat(breachesCsv.split("\r\n")).hasSize(3);
    assertThat(breachesCsv).startsWith("ticketId,clock,tier,priority,category,customer,breachedAt,budget,team,"
        + "stints,businessTime,olaBudget,olaBreached,taskUrl\r\n" + c + ",first-response,enterprise,P1,incident,acme,"
        + "2020-03-02T09:30:00Z,PT30M,support,1,PT30M,PT30M,true," + boardTaskLink(c) + "\r\n");

    assertThat(report(DAY + "&groupBy=customer").keySet()).containsExactly("acme");
    assertThat(report(DAY + "&groupBy=category").get("incident")).containsEntry("tickets", 5);

    ResponseEntity<String> csv = rest.withBasicAuth("sophie", "sophie")
        .exchange("/api/reports/sla.csv?" + DAY + "&groupBy=tier", HttpMethod.GET, null, String.class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("sla-tier-2020-03-02-2020-03-02.csv");
    assertThat(csv.getBody()).isEqualTo(String.join("\r\n",
        "group,tickets,firstResponseMet,firstResponseBreached,firstResponseCompliance,firstResponseInternalMet,"
            + "resolutionMet,resolutionBreached,resolutionCompliance,resolutionInternalMet,medianFirstResponse,"
            + "p90FirstResponse,medianResolution,p90Resolution,breaches,timePausedMedian,timePausedTotal,"
            + "escalationsInternal,escalationsWarning,escalationsCritical,escalationsBreach,olaSupportStints,"
            + "olaSupportMet,olaSupportBreached,olaSupportCompliance,olaEngineeringStints,olaEngineeringMet,"
            + "olaEngineeringBreached,olaEngineeringCompliance,olaSysadminStints,olaSysadminMet,olaSysadminBreached,"
            + "olaSysadminCompliance,csatAnswers,csatAverage,csatScore1,csatScore2,csatScore3,csatScore4,csatScore5",
        "enterprise,4,2,2,0.5,2,3,0,1.0,3,PT30M,PT1H,PT1H30M,PT2H,2,PT30M,PT2H30M,2,8,2,8,10,4,6,0.4,1,1,0,1.0,"
            + "0,0,0,,2,3.0,0,1,0,1,0",
        "standard,1,1,0,1.0,0,1,0,1.0,1,PT55M,PT55M,PT55M,PT55M,0,PT0S,PT0S,1,3,1,2,2,0,2,0.0,0,0,0,,0,0,0,,"
            + "1,5.0,0,0,0,0,1", ""));

    // Days are whole days of the reporting zone (UTC), both included: a ticket opened at midnight after the period
    // belongs to the next day.
    timeline.at(15 * 60);
    timeline.open("P2", "enterprise");
    assertThat(report(DAY + "&groupBy=tier").get("enterprise")).containsEntry("tickets", 4);
    assertThat(report("from=2020-03-03&to=2020-03-03&groupBy=tier").get("enterprise")).containsEntry("tickets", 1)
        .containsEntry("firstResponse", compliance(0, 0, null, 0)).containsEntry("medianFirstResponse", null);
    assertThat(report("from=2020-02-29&to=2020-03-03&groupBy=tier").get("enterprise")).containsEntry("tickets", 5);
  }

  /**
   * The review on Tuesday 4 June 2019, with the default thresholds (low CSAT below 3.5 with at least 5 answers, high
   * compliance 0.95, 3 breaches): five enterprise P1 incidents (resolution 4 h) rated 2, 3, 3, 2, 4 (average 2.8)
   * and five enterprise P2 (8 h) rated 3, 3, 4, 3, 2 (3.0), each answered and resolved after 10 minutes; three
   * business P1 incidents (first response 1 h, resolution 8 h) never answered, their first response breached.
   */
  @Test
  void reviewFlagsLowCsatWithHighComplianceRepeatedBreachesAndALooserTargetThatLostNoSatisfaction() {
    Instant day = Instant.parse("2019-06-04T09:00:00Z");
    ClockUtil.setCurrentTime(Date.from(day));
    List<String> p1 = new ArrayList<>();
    List<String> p2 = new ArrayList<>();
    List<String> business = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      p1.add(timeline.open("P1", "enterprise"));
      p2.add(timeline.open("P2", "enterprise"));
    }
    for (int i = 0; i < 3; i++) {
      business.add(timeline.open("P1", "business"));
    }
    ClockUtil.setCurrentTime(Date.from(day.plus(Duration.ofMinutes(10))));
    int[] p1Ratings = {2, 3, 3, 2, 4};
    int[] p2Ratings = {3, 3, 4, 3, 2};
    for (int i = 0; i < 5; i++) {
      timeline.completeWithReply(p1.get(i), "resolved");
      timeline.completeWithReply(p2.get(i), "resolved");
      answer(p1.get(i), p1Ratings[i]);
      answer(p2.get(i), p2Ratings[i]);
    }
    ClockUtil.setCurrentTime(Date.from(day.plus(Duration.ofMinutes(61))));
    business.forEach(ticket -> Api.executeJobs(managementService, timeline.instance(ticket)));
    String period = "from=2019-06-04&to=2019-06-04";

    // By tier: enterprise 10 answers averaging 2.9 at full compliance; business 3 breaches, no answers.
    List<Map<String, Object>> byTier = list("/api/reports/review?" + period + "&groupBy=tier");
    assertThat(byTier).extracting(c -> c.get("group") + " " + c.get("flag"))
        .containsExactly("business repeated-breaches", "enterprise low-csat-high-compliance");
    assertThat(byTier.get(0).get("numbers")).isEqualTo(Map.of("breaches", 3, "tickets", 3,
        "firstResponseBreached", 3, "resolutionBreached", 0, "repeatedBreaches", 3));
    assertThat((String) byTier.get(0).get("reason")).contains("3 of 3 tickets");
    Map<String, Object> lowCsat = new LinkedHashMap<>();
    lowCsat.put("answers", 10);
    lowCsat.put("average", 29 / 10.0);
    lowCsat.put("firstResponseCompliance", 1.0);
    lowCsat.put("resolutionCompliance", 1.0);
    lowCsat.put("lowCsat", 3.5);
    lowCsat.put("minAnswers", 5);
    lowCsat.put("highCompliance", 0.95);
    assertThat(byTier.get(1).get("numbers")).isEqualTo(lowCsat);
    assertThat((String) byTier.get(1).get("reason")).contains("2.90", "10 answers", "100.0 %");

    // By priority: P1 (5 enterprise + 3 business) has the breaches and first-response compliance 5/8; P2 is low at
    // full compliance, and its 8 h resolution (P1's median budget: 4 h) lost no satisfaction (3.0 against 2.8).
    List<Map<String, Object>> byPriority = list("/api/reports/review?" + period + "&groupBy=priority");
    assertThat(byPriority).extracting(c -> c.get("group") + " " + c.get("flag")).containsExactly(
        "P1 repeated-breaches", "P2 low-csat-high-compliance", "P2 looser-target-no-csat-loss");
    Map<String, Object> looser = new LinkedHashMap<>();
    looser.put("resolutionBudget", "PT8H");
    looser.put("average", 3.0);
    looser.put("answers", 5);
    looser.put("comparedWith", "P1");
    looser.put("comparedResolutionBudget", "PT4H");
    looser.put("comparedAverage", 14 / 5.0);
    looser.put("comparedAnswers", 5);
    looser.put("minAnswers", 5);
    assertThat(byPriority.get(2).get("numbers")).isEqualTo(looser);

    List<Map<String, Object>> csat = list("/api/reports/csat?" + period + "&groupBy=priority");
    assertThat(csat.get(0)).containsEntry("group", "P1").containsEntry("answers", 5)
        .containsEntry("average", 14 / 5.0).containsEntry("scores", scores(0, 2, 2, 1, 0))
        .containsEntry("firstResponse", compliance(5, 3, 5 / 8.0, 5));
    assertThat(csat.get(1)).containsEntry("group", "P2").containsEntry("average", 3.0)
        .containsEntry("scores", scores(0, 1, 3, 1, 0));
  }

  static Map<String, Object> compliance(int met, int breached, Double compliance, int internalMet) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("met", met);
    expected.put("breached", breached);
    expected.put("compliance", compliance);
    expected.put("internalMet", internalMet);
    return expected;
  }

  static Map<String, Object> ola(String team, int stints, int met, int breached, Double compliance) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("team", team);
    expected.put("stints", stints);
    expected.put("met", met);
    expected.put("breached", breached);
    expected.put("compliance", compliance);
    return expected;
  }

  static Map<String, Object> csat(int answers, Double average, int... scores) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("answers", answers);
    expected.put("average", average);
    expected.put("scores", scores(scores));
    return expected;
  }

  static Map<String, Object> scores(int... scores) {
    Map<String, Object> expected = new LinkedHashMap<>();
    for (int score = 1; score <= 5; score++) {
      expected.put(String.valueOf(score), scores[score - 1]);
    }
    return expected;
  }

  static Map<String, Object> consumer(String team, int stints, String businessTime, String olaBudget,
      boolean olaBreached) {
    return Map.of("team", team, "stints", stints, "businessTime", businessTime, "olaBudget", olaBudget,
        "olaBreached", olaBreached);
  }

  /** Records the customer's survey answer, as the survey page does. */
  void answer(String ticketId, int rating) {
    jdbc.sql("insert into csat_answer (ticket_number, rating, answered_at) values (:number, :rating, :at)")
        .param("number", TicketId.number(ticketId).orElseThrow()).param("rating", rating)
        .param("at", java.sql.Timestamp.from(ClockUtil.now().toInstant())).update();
  }

  /** The Tasklist link of the ticket's row on the SLA board. */
  @SuppressWarnings("unchecked")
  String boardTaskLink(String ticketId) {
    List<Map<String, Object>> rows = (List<Map<String, Object>>) Api.get(rest, "sophie", "/api/board").getBody()
        .get("rows");
    Map<String, Object> row = rows.stream().filter(r -> ticketId.equals(r.get("ticketId"))).findFirst().orElseThrow();
    return (String) ((Map<String, Object>) row.get("task")).get("tasklist");
  }

  List<Map<String, Object>> list(String path) {
    ResponseEntity<List<Map<String, Object>>> answer = rest.withBasicAuth("sophie", "sophie").exchange(
        path, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  /** The report's rows by group, in the report's order. */
  Map<String, Map<String, Object>> report(String query) {
    ResponseEntity<List<Map<String, Object>>> answer = rest.withBasicAuth("sophie", "sophie").exchange(
        "/api/reports/sla?" + query, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    answer.getBody().forEach(row -> rows.put((String) row.get("group"), row));
    return rows;
  }

}
