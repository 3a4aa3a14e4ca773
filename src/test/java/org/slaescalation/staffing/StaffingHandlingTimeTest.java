package org.slaescalation.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The handling time of {@code GET /api/staffing} runs from the claim to the completion, as the engine's user
 * operation log records the claim; the wait in the queue before it is not handling. Each test has one support task
 * in a window of its own (a Monday of 2019 in the support calendar, Europe/Amsterdam, open 08:30-12:00 and
 * 13:00-17:30; the window is the 28 days before the next day), driven by the engine clock, claimed and completed by
 * the demo agents as Tasklist would (authenticated).
 */
@ApplicationTest
class StaffingHandlingTimeTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired TestRestTemplate rest;
  @Autowired TicketService tickets;
  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /** Created 09:00, claimed 10:00, completed 10:30: 30 minutes of handling, not 90. */
  @Test
  void handlingRunsFromTheClaimToTheCompletion() {
    LocalDate monday = LocalDate.of(2019, 3, 11);
    Task task = triageAt(monday, "09:00");
    as("sam", monday, "10:00", () -> engine.getTaskService().claim(task.getId(), "sam"));
    as("sam", monday, "10:30", () -> complete(task));

    assertThat(handleMinutes(monday)).isCloseTo(30, within(1e-9));
  }

  /** Never claimed (completed by an agent straight from the queue): from its creation, 09:00 to 09:20. */
  @Test
  void aTaskCompletedWithoutAClaimCountsFromItsCreation() {
    LocalDate monday = LocalDate.of(2019, 5, 13);
    Task task = triageAt(monday, "09:00");
    as("sam", monday, "09:20", () -> complete(task));

    assertThat(handleMinutes(monday)).isCloseTo(20, within(1e-9));
  }

  /**
   * Claimed 09:10, put back in the queue by the lead 09:20, claimed again 11:00, taken over by the lead 11:10,
   * completed 11:40: handling from the last claim, 40 minutes; the hand-over does not restart it.
   */
  @Test
  void anUnclaimEndsTheHandling_aReassignmentDoesNot() {
    LocalDate monday = LocalDate.of(2019, 9, 16);
    Task task = triageAt(monday, "09:00");
    as("sam", monday, "09:10", () -> engine.getTaskService().claim(task.getId(), "sam"));
    as("sophie", monday, "09:20", () -> engine.getTaskService().setAssignee(task.getId(), null));
    as("sam", monday, "11:00", () -> engine.getTaskService().claim(task.getId(), "sam"));
    as("sophie", monday, "11:10", () -> engine.getTaskService().setAssignee(task.getId(), "sophie"));
    as("sophie", monday, "11:40", () -> complete(task));

    assertThat(handleMinutes(monday)).isCloseTo(40, within(1e-9));
  }

  private Task triageAt(LocalDate day, String time) {
    ClockUtil.setCurrentTime(Date.from(at(day, time)));
    return OpenTickets.atTriage(tickets, engine);
  }

  private void complete(Task task) {
    engine.getTaskService().complete(task.getId(), Map.of("outcome", "handoff-engineering",
        "internalNote", "Needs a fix"));
  }

  /** Runs {@code step} at {@code time} as {@code user} of their demo groups, as Tasklist does for a logged-in user. */
  private void as(String user, LocalDate day, String time, Runnable step) {
    ClockUtil.setCurrentTime(Date.from(at(day, time)));
    List<String> groups = "sophie".equals(user) ? List.of("support", "support-leads") : List.of("support");
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      step.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private double handleMinutes(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.plusDays(1).atStartOfDay(AMSTERDAM).toInstant()));
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, "sophie", "/api/staffing?team=support");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).containsEntry("tasks", 1).containsEntry("completedTasks", 1);
    return (Double) answer.getBody().get("handleMinutes");
  }

  private static Instant at(LocalDate day, String time) {
    return day.atTime(LocalTime.parse(time)).atZone(AMSTERDAM).toInstant();
  }
}
