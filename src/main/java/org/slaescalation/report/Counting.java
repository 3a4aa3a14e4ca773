package org.slaescalation.report;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockState;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.report.ReportQuery.GroupBy;
import org.slaescalation.ticket.TicketSegment;
import org.slaescalation.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * The counting rules of the compliance reports, in one place so that the actual report ({@link SlaReport}) and the
 * what-if replay ({@link WhatIfReport}) cannot disagree on what met, breached and the internal target mean: a ticket
 * and its clock stints in, how each SLA clock ended out.
 *
 * <p>Per ticket and SLA clock (docs/api.md, Reports, says the same):
 * <ul>
 *   <li><b>breached</b> when any stint of the clock breached: recorded by the ladder, stopped at or after its breach
 *       instant, or still open with its budget used up;</li>
 *   <li><b>met</b> when not breached and its latest stint was met: a reopened ticket's resolution is met only when
 *       the resolution after the reopen was met too;</li>
 *   <li>otherwise (still running or paused, or cancelled with the ticket) neither: counted in {@code tickets}, left
 *       out of compliance, which is {@code met / (met + breached)} ({@code null} when both are 0);</li>
 *   <li><b>internalMet</b>: met, and stopped before the stint's internal target ({@code internalPercent} of the
 *       budget; the whole budget when the policy names none).</li>
 * </ul>
 * Business time of a clock is the business time of its latest stint from its start to its stop, less its pauses, of
 * the clocks that stopped met or breached; not of a cancelled ticket's breached clock, which the cancellation stopped.
 */
@Component
class Counting {

  /** A group that a ticket has no value for (a variable never set). */
  static final String NONE = "none";

  private final ClockStints clocks;

  Counting(ClockStints clocks) {
    this.clocks = clocks;
  }

  /** How one SLA clock of one ticket ended. */
  enum Result { MET, BREACHED, OPEN }

  /** A clock of a ticket: its result, whether it met the internal target, its business time when it stopped. */
  record Outcome(Result result, boolean internalMet, Duration businessTime) {}

  /** One ticket with how its SLA clocks ended and the teams that worked it. */
  record Counted(TicketSegment ticket, Outcome firstResponse, Outcome resolution, Set<String> teams) {

    /** Whether the two countings of one ticket end a clock differently (met, breached or neither). */
    boolean differsFrom(Counted other) {
      return !Objects.equals(result(firstResponse), result(other.firstResponse))
          || !Objects.equals(result(resolution), result(other.resolution));
    }

    private static Result result(Outcome outcome) {
      return outcome == null ? null : outcome.result();
    }
  }

  /** The ticket counted from its stints (oldest first; its OLA stints name the teams that worked it). */
  Counted counted(TicketSegment ticket, List<ClockStint> stints) {
    boolean cancelled = TicketView.CANCELLED.equals(ticket.status());
    Set<String> teams = new LinkedHashSet<>();
    stints.forEach(stint -> stint.clock().team().ifPresent(teams::add));
    return new Counted(ticket, outcome(of(stints, ClockName.FIRST_RESPONSE), cancelled),
        outcome(of(stints, ClockName.RESOLUTION), cancelled), teams);
  }

  static List<ClockStint> of(List<ClockStint> stints, ClockName clock) {
    return stints.stream().filter(stint -> stint.clock().equals(clock)).toList();
  }

  /** How a clock ended, from its stints oldest first; null when it never started. */
  private Outcome outcome(List<ClockStint> stints, boolean cancelledTicket) {
    if (stints.isEmpty()) {
      return null;
    }
    ClockStint latest = stints.get(stints.size() - 1);
    boolean breached = stints.stream().anyMatch(this::breached);
    boolean met = !breached && latest.state() == ClockState.MET;
    Duration businessTime = timed(latest, cancelledTicket) ? used(latest) : null;
    int internalPercent = latest.internalPercent() == null ? 100 : latest.internalPercent();
    boolean internalMet = met && latest.stoppedAt().isBefore(clocks.dueAt(latest, internalPercent));
    return new Outcome(breached ? Result.BREACHED : met ? Result.MET : Result.OPEN, internalMet, businessTime);
  }

  /** Whether a stint stopped met or breached (not a breached clock that a cancellation stopped): it has a time. */
  static boolean timed(ClockStint latest, boolean cancelledTicket) {
    return !latest.isOpen()
        && (latest.state() == ClockState.MET || latest.state() == ClockState.BREACHED && !cancelledTicket);
  }

  /** Business time the stint used, in its calendar, from its start to its stop (or now), less its pauses. */
  Duration used(ClockStint stint) {
    return stint.budget().minus(clocks.remaining(stint));
  }

  /** Breached: recorded by the ladder, stopped at or after its breach instant, or open with its budget used up. */
  boolean breached(ClockStint stint) {
    return stint.state() == ClockState.BREACHED || stint.breachedAt() != null
        || stint.isOpen() && clocks.remaining(stint).compareTo(Duration.ZERO) <= 0;
  }

  /** The groups a ticket counts in: one segment, or every team that had an OLA stint on it. */
  static List<String> groups(Counted counted, GroupBy groupBy) {
    TicketSegment ticket = counted.ticket();
    return switch (groupBy) {
      case TIER -> List.of(orNone(ticket.tier()));
      case PRIORITY -> List.of(orNone(ticket.priority()));
      case CATEGORY -> List.of(orNone(ticket.category()));
      case CUSTOMER -> List.of(orNone(ticket.customerId()));
      case TEAM -> List.copyOf(counted.teams());
    };
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? NONE : value;
  }

  /** Met, breached, compliance and internal target of the outcomes of one clock in a group (nulls left out). */
  static ReportRow.Compliance compliance(List<Outcome> outcomes) {
    List<Outcome> known = outcomes.stream().filter(Objects::nonNull).toList();
    int met = (int) known.stream().filter(o -> o.result() == Result.MET).count();
    int breached = (int) known.stream().filter(o -> o.result() == Result.BREACHED).count();
    int internalMet = (int) known.stream().filter(Outcome::internalMet).count();
    return new ReportRow.Compliance(met, breached, met + breached == 0 ? null : (double) met / (met + breached),
        internalMet);
  }
}
