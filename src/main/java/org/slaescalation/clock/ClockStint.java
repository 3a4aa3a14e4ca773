package org.slaescalation.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One stint of a clock of a ticket, as stored: a budget of business time in a calendar, started at an instant, with
 * the business time spent paused so far. A team that gets a ticket back starts a new stint; the old one keeps its
 * budget and outcome.
 *
 * <p>States move only forward: {@code running ⇄ paused → met | breached | cancelled}. A breached stint stays
 * breached: it may still pause and stop, and keeps its breach instant.
 *
 * @param id the row's id; null before it is stored
 * @param budgetDecision the decision (key and version) whose row set the budget, e.g. {@code SlaPolicy:3}
 * @param reachedBy how the team reached the ticket (the sequence flow, or the task an operator started), for the record
 * @param version the row version it was read at, for optimistic locking
 */
public record ClockStint(
    Long id,
    long ticketNumber,
    ClockName clock,
    String calendar,
    Duration budget,
    Integer internalPercent,
    Instant startedAt,
    Instant pausedSince,
    Duration paused,
    ClockState state,
    Instant stoppedAt,
    Instant breachedAt,
    String budgetDecision,
    String reachedBy,
    int version) {

  private static final Map<ClockState, Set<ClockState>> NEXT = Map.of(
      ClockState.RUNNING, EnumSet.of(ClockState.RUNNING, ClockState.PAUSED, ClockState.MET, ClockState.BREACHED,
          ClockState.CANCELLED),
      ClockState.PAUSED, EnumSet.of(ClockState.PAUSED, ClockState.RUNNING, ClockState.MET, ClockState.BREACHED,
          ClockState.CANCELLED),
      ClockState.BREACHED, EnumSet.of(ClockState.BREACHED),
      ClockState.MET, EnumSet.noneOf(ClockState.class),
      ClockState.CANCELLED, EnumSet.noneOf(ClockState.class));

  public ClockStint {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(paused, "paused");
    Objects.requireNonNull(state, "state");
  }

  /** A stint that starts running at {@code startedAt}. */
  public static ClockStint start(long ticketNumber, ClockName clock, String calendar, Duration budget,
      Integer internalPercent, Instant startedAt, String budgetDecision, String reachedBy) {
    return new ClockStint(null, ticketNumber, clock, calendar, budget, internalPercent, startedAt, null,
        Duration.ZERO, ClockState.RUNNING, null, null, budgetDecision, reachedBy, 0);
  }

  /** Whether the stint still counts: not stopped (it may be paused or breached). */
  public boolean isOpen() {
    return stoppedAt == null;
  }

  public boolean isPaused() {
    return pausedSince != null;
  }

  /** Pauses an open stint at {@code at}; a breached stint pauses and stays breached. */
  ClockStint pause(Instant at) {
    requireOpen("pause");
    if (isPaused()) {
      return this;
    }
    return next(state == ClockState.BREACHED ? ClockState.BREACHED : ClockState.PAUSED, at, paused, null,
        breachedAt);
  }

  /** Ends a pause that took {@code pausedFor} business time; a breached stint stays breached. */
  ClockStint resume(Duration pausedFor) {
    if (!isPaused()) {
      return this;
    }
    return next(state == ClockState.PAUSED ? ClockState.RUNNING : state, null, paused.plus(pausedFor), stoppedAt,
        breachedAt);
  }

  /** Records the breach at {@code at} (the breach instant); a breached stint keeps its first breach instant. */
  ClockStint breach(Instant at) {
    if (state == ClockState.BREACHED) {
      return this;
    }
    requireOpen("breach");
    return next(ClockState.BREACHED, pausedSince, paused, stoppedAt, at);
  }

  /** Stops the stint at {@code at}: met before {@code breachInstant}, breached from then on. */
  ClockStint stop(Instant at, Instant breachInstant) {
    requireOpen("stop");
    boolean breached = state == ClockState.BREACHED || !at.isBefore(breachInstant);
    return next(breached ? ClockState.BREACHED : ClockState.MET, null, paused, at,
        breached && breachedAt == null ? breachInstant : breachedAt);
  }

  /** The ticket ended another way than closing: an open stint is cancelled, a breached one stays breached. */
  ClockStint cancel(Instant at) {
    requireOpen("cancel");
    return next(state == ClockState.BREACHED ? ClockState.BREACHED : ClockState.CANCELLED, null, paused, at,
        breachedAt);
  }

  /** A new budget (a new priority or tier): time already spent still counts. */
  ClockStint rebudget(Duration newBudget, String newCalendar, Integer newInternalPercent, String decision) {
    requireOpen("change the budget of");
    return new ClockStint(id, ticketNumber, clock, newCalendar, newBudget, newInternalPercent, startedAt,
        pausedSince, paused, state, stoppedAt, breachedAt, decision, reachedBy, version);
  }

  ClockStint reachedBy(String newReachedBy) {
    return new ClockStint(id, ticketNumber, clock, calendar, budget, internalPercent, startedAt, pausedSince,
        paused, state, stoppedAt, breachedAt, budgetDecision, newReachedBy, version);
  }

  ClockStint stored(long newId, int newVersion) {
    return new ClockStint(newId, ticketNumber, clock, calendar, budget, internalPercent, startedAt, pausedSince,
        paused, state, stoppedAt, breachedAt, budgetDecision, reachedBy, newVersion);
  }

  private ClockStint next(ClockState newState, Instant newPausedSince, Duration newPaused, Instant newStoppedAt,
      Instant newBreachedAt) {
    if (!NEXT.get(state).contains(newState)) {
      throw new IllegalStateException("Clock " + clock + " of ticket " + ticketNumber + " cannot go from "
          + state.code() + " to " + newState.code());
    }
    return new ClockStint(id, ticketNumber, clock, calendar, budget, internalPercent, startedAt, newPausedSince,
        newPaused, newState, newStoppedAt, newBreachedAt, budgetDecision, reachedBy, version);
  }

  private void requireOpen(String what) {
    if (!isOpen()) {
      throw new IllegalStateException("Cannot " + what + " clock " + clock + " of ticket " + ticketNumber
          + ": it stopped at " + stoppedAt + " (" + state.code() + ")");
    }
  }
}
