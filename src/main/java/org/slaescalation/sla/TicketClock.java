package org.slaescalation.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock of a ticket as stored: a budget of business time in a calendar, started at an instant, with the
 * business time spent paused so far.
 */
public record TicketClock(
    long ticketNumber,
    String clock,
    String calendar,
    Duration budget,
    Integer internalPercent,
    Instant startedAt,
    Instant pausedSince,
    Duration paused,
    ClockState state,
    Instant stoppedAt,
    String activityInstanceId) {

  public static final String FIRST_RESPONSE = "first-response";
  public static final String RESOLUTION = "resolution";

  public static String ola(String team) {
    return "ola-" + team;
  }

  public boolean isOla() {
    return clock.startsWith("ola-");
  }

  public boolean isStopped() {
    return state == ClockState.MET || stoppedAt != null;
  }

  TicketClock with(ClockState state, Instant pausedSince, Duration paused, Instant stoppedAt) {
    return new TicketClock(ticketNumber, clock, calendar, budget, internalPercent, startedAt, pausedSince, paused,
        state, stoppedAt, activityInstanceId);
  }

  TicketClock withBudget(Duration budget, String calendar, Integer internalPercent) {
    return new TicketClock(ticketNumber, clock, calendar, budget, internalPercent, startedAt, pausedSince, paused,
        state, stoppedAt, activityInstanceId);
  }

  TicketClock withActivityInstance(String activityInstanceId) {
    return new TicketClock(ticketNumber, clock, calendar, budget, internalPercent, startedAt, pausedSince, paused,
        state, stoppedAt, activityInstanceId);
  }
}
