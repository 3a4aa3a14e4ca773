package org.slaescalation.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockState;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.clock.StintRepository.Pause;
import org.slaescalation.report.Counting.Counted;
import org.slaescalation.report.UploadedPolicy.Targets;
import org.slaescalation.ticket.TicketSegment;
import org.slaescalation.ticket.TicketService;
import org.slaescalation.ticket.TicketView;
import org.springframework.stereotype.Service;

/**
 * The what-if: the closed tickets (status {@code closed} or {@code resolved}) opened in a period, counted twice with
 * the rules of {@link Counting}: as their clocks actually ended, and as they would have ended had the uploaded policy
 * set their SLA budgets. Reads only; nothing is deployed or written.
 *
 * <p>Each SLA stint is replayed on its recorded timeline (start, stop, pauses) with the uploaded policy's budget,
 * internal target and calendar for the ticket's recorded inputs. In the stint's own calendar its recorded pauses count
 * as recorded. In another calendar, the pauses are counted again in that calendar: the pause ledger's waits on the
 * customer within the stint (resolution only, the one clock a wait pauses), and for a reopened resolution the time
 * from the earlier stop to the reopen, whose instant is the earliest one the recorded paused time allows in the old
 * calendar (exact when the reopen fell in its open hours). A replayed stint is breached when it used its new budget
 * by its stop; the ladder's recorded breach instants belong to the old budget and are not used.
 */
@Service
class WhatIfReport {

  /** The statuses of a ticket whose SLA clocks have run their course: a team resolved it, or it closed. */
  static final Set<String> CLOSED = Set.of(TicketView.RESOLVED, TicketView.CLOSED);

  private final TicketService tickets;
  private final SlaReport report;
  private final Counting counting;
  private final ClockStints clocks;
  private final BusinessCalendars calendars;

  WhatIfReport(TicketService tickets, SlaReport report, Counting counting, ClockStints clocks,
      BusinessCalendars calendars) {
    this.tickets = tickets;
    this.report = report;
    this.counting = counting;
    this.clocks = clocks;
    this.calendars = calendars;
  }

  Set<String> calendarNames() {
    return calendars.names();
  }

  List<WhatIfRow> rows(ReportQuery query, UploadedPolicy policy) {
    List<TicketSegment> closed = tickets.openedBetween(query.start(), query.end()).stream()
        .filter(ticket -> CLOSED.contains(ticket.status())).toList();
    Map<Long, List<ClockStint>> stints = report.stints(closed);
    Map<String, List<Counted[]>> groups = new TreeMap<>();
    for (TicketSegment ticket : closed) {
      List<ClockStint> own = stints.getOrDefault(ticket.number(), List.of());
      Counted actual = counting.counted(ticket, own);
      Counted whatIf = counting.counted(ticket, replayed(ticket, own, policy.targets(ticket)));
      for (String group : Counting.groups(actual, query.groupBy())) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Counted[] {actual, whatIf});
      }
    }
    return groups.entrySet().stream().map(group -> row(group.getKey(), group.getValue())).toList();
  }

  private static WhatIfRow row(String group, List<Counted[]> pairs) {
    int changed = (int) pairs.stream().filter(pair -> pair[0].differsFrom(pair[1])).count();
    return new WhatIfRow(group, pairs.size(), side(pairs, 0), side(pairs, 1), changed);
  }

  private static WhatIfRow.Side side(List<Counted[]> pairs, int index) {
    return new WhatIfRow.Side(Counting.compliance(pairs.stream().map(pair -> pair[index].firstResponse()).toList()),
        Counting.compliance(pairs.stream().map(pair -> pair[index].resolution()).toList()));
  }

  /** The ticket's stints with the SLA stints under the new targets; OLA stints as recorded (they name the teams). */
  private List<ClockStint> replayed(TicketSegment ticket, List<ClockStint> stints, Targets targets) {
    Supplier<List<Pause>> pauses = new Supplier<>() {
      private List<Pause> read;

      @Override
      public List<Pause> get() {
        if (read == null) {
          read = clocks.pauses(ticket.number());
        }
        return read;
      }
    };
    List<ClockStint> replayed = new ArrayList<>();
    replayed.addAll(replay(Counting.of(stints, ClockName.FIRST_RESPONSE), targets.firstResponse(), targets,
        List::of));
    replayed.addAll(replay(Counting.of(stints, ClockName.RESOLUTION), targets.resolution(), targets, pauses));
    stints.stream().filter(stint -> stint.clock().isOla()).forEach(replayed::add);
    return replayed;
  }

  /** The stints of one SLA clock (oldest first) with a new budget, internal target and calendar. */
  private List<ClockStint> replay(List<ClockStint> stints, Duration budget, Targets targets,
      Supplier<List<Pause>> pauses) {
    List<ClockStint> replayed = new ArrayList<>();
    for (int k = 0; k < stints.size(); k++) {
      ClockStint stint = stints.get(k);
      Duration paused = stint.calendar().equals(targets.calendar()) ? stint.paused()
          : pausedIn(calendars.get(targets.calendar()), stints, k, pauses.get());
      ClockStint budgeted = new ClockStint(stint.id(), stint.ticketNumber(), stint.clock(), targets.calendar(), budget,
          targets.internalPercent(), stint.startedAt(), stint.pausedSince(), paused, ClockState.RUNNING,
          stint.stoppedAt(), null, "what-if", stint.reachedBy(), stint.version());
      replayed.add(withState(budgeted, stint.state()));
    }
    return replayed;
  }

  /** A stopped stint is met or breached by its new budget (a cancelled one stays cancelled unless breached). */
  private ClockStint withState(ClockStint stint, ClockState recorded) {
    ClockState state;
    if (stint.isOpen()) {
      state = stint.isPaused() ? ClockState.PAUSED : ClockState.RUNNING;
    } else if (counting.used(stint).compareTo(stint.budget()) >= 0) {
      state = ClockState.BREACHED;
    } else {
      state = recorded == ClockState.CANCELLED ? ClockState.CANCELLED : ClockState.MET;
    }
    return new ClockStint(stint.id(), stint.ticketNumber(), stint.clock(), stint.calendar(), stint.budget(),
        stint.internalPercent(), stint.startedAt(), stint.pausedSince(), stint.paused(), state, stint.stoppedAt(),
        null, stint.budgetDecision(), stint.reachedBy(), stint.version());
  }

  /**
   * The paused business time of stint {@code k} counted in {@code calendar}: the ledger's ended pauses within it, and
   * the time between each earlier stop and the reopen that followed it.
   */
  private Duration pausedIn(BusinessCalendar calendar, List<ClockStint> stints, int k, List<Pause> pauses) {
    ClockStint stint = stints.get(k);
    Instant end = stint.stoppedAt() == null ? Instant.MAX : stint.stoppedAt();
    Duration paused = Duration.ZERO;
    for (Pause pause : pauses) {
      if (pause.to() == null) {
        continue; // the pause going on: the stint's pausedSince counts it
      }
      Instant from = max(pause.from(), stint.startedAt());
      Instant to = min(pause.to(), end);
      if (from.isBefore(to)) {
        paused = paused.plus(calendar.elapsed(from, to));
      }
    }
    for (int j = 1; j <= k; j++) {
      ClockStint before = stints.get(j - 1);
      ClockStint reopened = stints.get(j);
      if (before.stoppedAt() != null && reopened.startedAt().equals(before.startedAt())) {
        paused = paused.plus(calendar.elapsed(before.stoppedAt(), reopenedAt(before, reopened, pauses)));
      }
    }
    return paused;
  }

  /** The earliest instant of the reopen that the recorded paused times allow, in the reopened stint's calendar. */
  private Instant reopenedAt(ClockStint before, ClockStint reopened, List<Pause> pauses) {
    BusinessCalendar old = calendars.get(reopened.calendar());
    Duration later = Duration.ZERO;
    for (Pause pause : pauses) {
      if (pause.to() != null && !pause.from().isBefore(before.stoppedAt())
          && (reopened.stoppedAt() == null || !pause.to().isAfter(reopened.stoppedAt()))) {
        later = later.plus(old.elapsed(pause.from(), pause.to()));
      }
    }
    Duration gap = reopened.paused().minus(before.paused()).minus(later);
    return gap.isNegative() || gap.isZero() ? before.stoppedAt() : old.due(before.stoppedAt(), gap);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
