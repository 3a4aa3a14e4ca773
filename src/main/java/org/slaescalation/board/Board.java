package org.slaescalation.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slaescalation.businesstime.BusinessTimeFormat;
import org.slaescalation.clock.ClockState;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ladder.EscalationOutbox;
import org.slaescalation.ladder.Ladder;
import org.slaescalation.ladder.Rung;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.OpenTicket;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The SLA board: every open ticket a viewer may see, with each open clock's business time left, sorted by what
 * breaches first. Read in four queries whatever the number of tickets (the tickets, their variables, their clock
 * stints, the rungs the ladder recorded), at one instant of the injected clock, so that every row is as of the same
 * moment.
 *
 * <p>A clock is {@code breached} once the ladder recorded its breach or its budget is used up, {@code paused} while
 * it stands still, {@code at-risk} once its warning rung was recorded or its warning instant passed (a reopened
 * resolution clock is a new stint with no rungs of its own yet, but it carries the time spent, so its warning instant
 * may lie in the past), else {@code running}. Only the latest stint of each clock counts: a team's earlier stints on
 * the ticket are over.
 */
@Service
class Board {

  /** Running clocks first, by their earliest due instant; then rows whose clocks all stand still, least time left. */
  private static final Comparator<Ranked> ORDER = Comparator
      .comparing((Ranked r) -> r.nextDue() == null)
      .thenComparing(Ranked::nextDue, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Ranked::leastLeft)
      .thenComparing(r -> r.ticket().number());

  private final TicketService tickets;
  private final ClockStints clocks;
  private final Ladder ladder;
  private final EscalationOutbox outbox;
  private final Clock clock;
  private final String tasklist;

  Board(TicketService tickets, ClockStints clocks, Ladder ladder, EscalationOutbox outbox, Clock clock,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${camunda.bpm.process-engine-name:default}") String engineName) {
    this.tickets = tickets;
    this.clocks = clocks;
    this.ladder = ladder;
    this.outbox = outbox;
    this.clock = clock;
    this.tasklist = webappPath + "/app/tasklist/" + engineName + "/#/?task=";
  }

  private record Ranked(OpenTicket ticket, BoardState state, Instant nextDue, Duration leastLeft,
      List<BoardView.Clock> clocks) {}

  BoardView view(BoardViewer viewer, BoardFilter filter) {
    Instant now = clock.instant();
    Set<Team> teams = viewer.shown(filter.team());
    List<OpenTicket> open = teams.isEmpty() ? List.of()
        : tickets.openTickets(teams, filter.tier(), filter.priority());
    List<Long> numbers = open.stream().map(OpenTicket::number).toList();
    Map<Long, Map<String, ClockStint>> latest = new HashMap<>();
    if (!numbers.isEmpty()) {
      // Oldest first: a later stint of a clock replaces an earlier one.
      for (ClockStint stint : clocks.stints(numbers)) {
        latest.computeIfAbsent(stint.ticketNumber(), n -> new LinkedHashMap<>()).put(stint.clock().value(), stint);
      }
    }
    Set<String> recorded = outbox.recorded(numbers);
    List<Ranked> ranked = new ArrayList<>();
    for (OpenTicket ticket : open) {
      Ranked row = rank(ticket, latest.getOrDefault(ticket.number(), Map.of()).values(), recorded, now);
      if (filter.state() == null || filter.state() == row.state()) {
        ranked.add(row);
      }
    }
    ranked.sort(ORDER);
    return new BoardView(now, viewer.teams().stream().map(Team::code).toList(),
        ranked.stream().map(this::row).toList());
  }

  private Ranked rank(OpenTicket ticket, Iterable<ClockStint> stints, Set<String> recorded, Instant now) {
    BoardState worst = null;
    Instant nextDue = null;
    Duration leastLeft = null;
    List<BoardView.Clock> shown = new ArrayList<>();
    for (ClockStint stint : stints) {
      if (!stint.isOpen()) {
        continue;
      }
      Duration remaining = clocks.remaining(stint);
      Instant due = clocks.dueAt(stint, 100);
      Instant warningDue = ladder.dueAt(stint, Rung.WARNING).orElse(null);
      BoardState state = state(stint, remaining, warningDue, recorded, now);
      worst = worst == null ? state : BoardState.worst(worst, state);
      if (state != BoardState.PAUSED && (nextDue == null || due.isBefore(nextDue))) {
        nextDue = due;
      }
      leastLeft = leastLeft == null || remaining.compareTo(leastLeft) < 0 ? remaining : leastLeft;
      shown.add(new BoardView.Clock(stint.clock().value(), state.code(), remaining.toString(), text(remaining), due,
          warningDue, stint.calendar()));
    }
    // A ticket with no open clock (between two steps) counts as running, last among the running.
    return new Ranked(ticket, worst == null ? BoardState.RUNNING : worst, nextDue,
        leastLeft == null ? Duration.ofSeconds(Long.MAX_VALUE) : leastLeft, shown);
  }

  private static BoardState state(ClockStint stint, Duration remaining, Instant warningDue, Set<String> recorded,
      Instant now) {
    if (stint.state() == ClockState.BREACHED || remaining.compareTo(Duration.ZERO) <= 0) {
      return BoardState.BREACHED;
    }
    if (stint.isPaused()) {
      return BoardState.PAUSED;
    }
    boolean warned = recorded.contains(EscalationOutbox.key(stint, Rung.WARNING))
        || recorded.contains(EscalationOutbox.key(stint, Rung.CRITICAL));
    if (warned || (warningDue != null && !now.isBefore(warningDue))) {
      return BoardState.AT_RISK;
    }
    return BoardState.RUNNING;
  }

  /** Time left as the forms say it. */
  static String text(Duration remaining) {
    return remaining.compareTo(Duration.ZERO) > 0 ? BusinessTimeFormat.duration(remaining) + " left"
        : "overdue by " + BusinessTimeFormat.duration(remaining);
  }

  private BoardView.Row row(Ranked ranked) {
    OpenTicket ticket = ranked.ticket();
    BoardView.Task task = ticket.task() == null ? null
        : new BoardView.Task(ticket.task().id(), ticket.task().name(), tasklist + ticket.task().id());
    return new BoardView.Row(ticket.id(), ticket.subject(), ticket.status(), ticket.team(), ticket.customer(),
        ticket.tier(), ticket.priority(), ranked.state().code(), ranked.nextDue(), task, ranked.clocks());
  }
}
