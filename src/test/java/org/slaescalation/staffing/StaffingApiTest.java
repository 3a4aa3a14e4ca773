package org.slaescalation.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/staffing?team=support} on a history the test makes with the engine clock: four Mondays of
 * September 2071 (a month no other test uses, without Dutch holidays or a DST change) in the support calendar
 * (Europe/Amsterdam, Monday 08:30-12:00 and 13:00-17:30), and the demo profile's support roster of two agents.
 *
 * <p>Each Monday, two P3 tickets reach triage in the hour 09:00-10:00 and six in 10:00-11:00, each triaged 30 business
 * minutes later; one more arrives on the Sunday night before the last Monday and stays open. Worked by hand, with
 * the P3 support OLA of 4 h and so a target wait of 4 h - 30 min = 210 min:
 *
 * <ul>
 *   <li>09:00-10:00: 8 arrivals in 4 open hours, 2 an hour, load 1 Erlang: one agent is no stable queue; two wait
 *       with probability C(2, 1) = 1/3 and meet the target with 1 - e^-7/3 ≈ 99.97 %: 2 agents, rostered 2;
 *   <li>10:00-11:00: 24 in 4 hours, 6 an hour, load 3 Erlangs: 4 agents (C(4, 3) = 0.509, 99.95 %); the roster's
 *       2 leave the queue unstable (service level 0): short by 2;
 *   <li>08:00-09:00, open 08:30-09:00: the Sunday night ticket counts at Monday's opening: 1 in 4 × 30 min, 0.5 an
 *       hour, load 0.25: 1 agent.
 * </ul>
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffingApiTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** Tuesday 29 September 2071, 00:00 UTC: the window of 28 days holds the Mondays 7, 14, 21 and 28 September. */
  private static final Instant NOW = Instant.parse("2071-09-29T00:00:00Z");
  private static final Duration HANDLING = Duration.ofMinutes(30);

  @Autowired TestRestTemplate rest;
  @Autowired TicketService tickets;
  @Autowired ProcessEngine engine;

  @BeforeAll
  void fourMondaysOfSupportWork() {
    record Event(Instant at, Task task) {}
    List<Instant> arrivals = new ArrayList<>();
    for (LocalDate monday = LocalDate.of(2071, 9, 7); !monday.isAfter(LocalDate.of(2071, 9, 28));
        monday = monday.plusWeeks(1)) {
      for (String time : List.of("09:00", "09:15", "10:00", "10:05", "10:10", "10:15", "10:20", "10:25")) {
        arrivals.add(monday.atTime(LocalTime.parse(time)).atZone(AMSTERDAM).toInstant());
      }
    }
    List<Event> completions = new ArrayList<>();
    for (Instant arrival : arrivals) {
      completions.removeIf(done -> {
        if (done.at().isAfter(arrival)) {
          return false;
        }
        complete(done.at(), done.task());
        return true;
      });
      ClockUtil.setCurrentTime(Date.from(arrival));
      completions.add(new Event(arrival.plus(HANDLING), OpenTickets.atTriage(tickets, engine)));
      completions.sort(Comparator.comparing(Event::at));
    }
    completions.forEach(done -> complete(done.at(), done.task()));
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2071, 9, 27).atTime(22, 0).atZone(AMSTERDAM).toInstant()));
    OpenTickets.atTriage(tickets, engine);
    ClockUtil.reset();
  }

  @BeforeEach
  void now() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  private void complete(Instant at, Task task) {
    ClockUtil.setCurrentTime(Date.from(at));
    engine.getTaskService().complete(task.getId(),
        Map.of("outcome", "handoff-engineering", "internalNote", "Needs a fix"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @SuppressWarnings("unchecked")
  void showsArrivalsHandlingAgentsNeededAndTheHoursTheRosterCannotCover() {
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, "sophie", "/api/staffing?team=support");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> plan = answer.getBody();
    assertThat(plan).containsEntry("team", "support").containsEntry("calendar", "support")
        .containsEntry("zone", "Europe/Amsterdam").containsEntry("from", "2071-09-01T00:00:00Z")
        .containsEntry("to", NOW.toString()).containsEntry("window", "PT672H").containsEntry("serviceLevel", 0.8)
        .containsEntry("tasks", 33).containsEntry("completedTasks", 32).containsEntry("rostered", true);
    assertThat((Double) plan.get("handleMinutes")).isCloseTo(30, within(1e-9));
    assertThat((List<Map<String, Object>>) plan.get("targets")).singleElement().satisfies(target -> assertThat(target)
        .containsEntry("priority", "P3").containsEntry("olaBudget", "PT4H").containsEntry("tasks", 33)
        .containsEntry("share", 1.0).containsEntry("targetMinutes", 210.0));

    List<Map<String, Object>> hours = (List<Map<String, Object>>) plan.get("hours");
    // Monday to Thursday 08:00 (open from 08:30) to 12:00 and 13:00 to 18:00 (open until 17:30): 9 hours;
    // Friday 08:00 to 12:00 and 13:00 to 16:00: 7 hours.
    assertThat(hours).extracting(h -> h.get("day") + " " + h.get("hour"))
        .startsWith("MONDAY 08:00-09:00", "MONDAY 09:00-10:00", "MONDAY 10:00-11:00", "MONDAY 11:00-12:00",
            "MONDAY 13:00-14:00")
        .hasSize(4 * 9 + 7)
        .doesNotContain("MONDAY 12:00-13:00", "SATURDAY 10:00-11:00");
    Map<String, Object> early = hour(hours, "MONDAY", "08:00-09:00");
    assertThat(early).containsEntry("open", List.of("08:30-09:00")).containsEntry("openHours", 2.0)
        .containsEntry("arrivals", 1).containsEntry("arrivalsPerHour", 0.5).containsEntry("agentsNeeded", 1)
        .containsEntry("rostered", 2).containsEntry("shortfall", 0);
    Map<String, Object> nine = hour(hours, "MONDAY", "09:00-10:00");
    assertThat(nine).containsEntry("openHours", 4.0).containsEntry("arrivals", 8).containsEntry("arrivalsPerHour", 2.0)
        .containsEntry("agentsNeeded", 2).containsEntry("rostered", 2).containsEntry("shortfall", 0);
    assertThat((Double) nine.get("serviceLevel")).isCloseTo(1 - Math.exp(-7) / 3, within(1e-12));
    Map<String, Object> ten = hour(hours, "MONDAY", "10:00-11:00");
    assertThat(ten).containsEntry("arrivals", 24).containsEntry("arrivalsPerHour", 6.0)
        .containsEntry("agentsNeeded", 4).containsEntry("rostered", 2).containsEntry("shortfall", 2)
        .containsEntry("rosteredServiceLevel", 0.0);
    assertThat(hour(hours, "TUESDAY", "10:00-11:00")).containsEntry("arrivals", 0).containsEntry("agentsNeeded", 0)
        .containsEntry("shortfall", 0);
    assertThat(hour(hours, "FRIDAY", "15:00-16:00")).containsEntry("rostered", 1);

    assertThat((List<Map<String, Object>>) plan.get("uncovered")).extracting(h -> h.get("day") + " " + h.get("hour"))
        .containsExactly("MONDAY 10:00-11:00");
  }

  /** Another service level sizes for it: 99.99 % within 210 min needs a third agent at 09:00 (C(3, 1) = 1/11). */
  @Test
  void aServiceLevelOfTheRequestOverridesTheConfiguredOne() {
    ResponseEntity<Map<String, Object>> answer =
        Api.get(rest, "demo", "/api/staffing?team=support&serviceLevel=0.99999");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).containsEntry("serviceLevel", 0.99999);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> hours = (List<Map<String, Object>>) answer.getBody().get("hours");
    assertThat(hour(hours, "MONDAY", "09:00-10:00")).containsEntry("agentsNeeded", 3);
  }

  /** Engineering has no roster in the demo profile: what it needs, without roster members or uncovered hours. */
  @Test
  void aTeamWithoutARosterShowsWhatItNeeds() {
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, "sophie", "/api/staffing?team=engineering");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).containsEntry("rostered", false).containsEntry("calendar", "engineering")
        .containsEntry("tasks", 32).doesNotContainKey("handleMinutes");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> hours = (List<Map<String, Object>>) answer.getBody().get("hours");
    assertThat(hours).allSatisfy(h -> assertThat(h).doesNotContainKeys("rostered", "shortfall"));
    assertThat(hour(hours, "MONDAY", "09:00-10:00")).doesNotContainKey("agentsNeeded");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      crm    | 403
      sam    | 403
      erin   | 403""")
  void agentsAndTheIntegrationCannotSeeStaffing(String user, int status) {
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, user, "/api/staffing?team=support");

    assertThat(answer.getStatusCode().value()).isEqualTo(status);
    assertThat(answer.getBody()).doesNotContainKey("hours");
  }

  @Test
  void anAnonymousCallerIsAskedToLogIn() {
    ResponseEntity<String> answer = rest.exchange("/api/staffing?team=support", HttpMethod.GET, null, String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getBody()).doesNotContain("hours");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing team        | serviceLevel=0.8               | team
      unknown team        | team=marketing                 | team
      service level 1     | team=support&serviceLevel=1    | serviceLevel
      percent level       | team=support&serviceLevel=80%  | serviceLevel
      non-numeric level   | team=support&serviceLevel=high | serviceLevel""")
  void aBadParameterIsA400NamingIt(String reason, String query, String parameter) {
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, "sophie", "/api/staffing?" + query);

    assertThat(answer.getStatusCode()).as(reason).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("parameter", parameter);
  }

  private static Map<String, Object> hour(List<Map<String, Object>> hours, String day, String hour) {
    return hours.stream().filter(h -> day.equals(h.get("day")) && hour.equals(h.get("hour"))).findFirst()
        .orElseThrow(() -> new AssertionError("no hour " + day + " " + hour + " in " + hours));
  }
}
