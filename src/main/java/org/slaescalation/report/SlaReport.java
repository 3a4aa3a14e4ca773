package org.slaescalation.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockState;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.csat.CsatRatings;
import org.slaescalation.ladder.EscalationOutbox;
import org.slaescalation.ladder.Rung;
import org.slaescalation.report.ReportQuery.GroupBy;
import org.slaescalation.ticket.TicketSegment;
import org.slaescalation.ticket.TicketService;
import org.slaescalation.ticket.TicketView;
import org.springframework.stereotype.Service;

/**
 * The SLA compliance report: the tickets opened in a period, grouped, with how their first-response and resolution
 * clocks ended. Read in three queries whatever the number of tickets (the tickets, their variables, their clock
 * stints).
 *
 * <p>Counting, per ticket and SLA clock (docs/api.md says the same):
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
 * Business time to first response and resolution is the business time of the clock's latest stint from its start to
 * its stop, less its pauses (a reopened ticket's latest stint carries the time spent before the reopen, and the time
 * between the first resolution and the reopen counts as paused), of the clocks that stopped met or breached; not of a
 * cancelled ticket's breached clock, which the cancellation stopped. Median and p90 are nearest-rank percentiles of
 * those times. Grouped by {@code team}, a ticket counts in the group of every team that had an OLA stint on it.
 *
 * <p>Beside compliance, per group: the tickets with a breached SLA clock; the business time the resolution clock stood
 * still (its latest stint's paused time, which for a reopened ticket includes the time between the resolution and the
 * reopen) of the tickets whose resolution stopped met or breached, as median and total; the escalations sent per rung
 * (rungs of any clock whose mail was sent); each team's OLA stints, met and breached by the same rules as an SLA
 * stint; and the survey answers. Two more queries: the sent rungs, the ratings.
 */
@Service
class SlaReport {

  /** A group that a ticket has no value for (a variable never set). */
  static final String NONE = "none";

  private final TicketService tickets;
  private final ClockStints clocks;
  private final EscalationOutbox outbox;
  private final CsatRatings ratings;

  SlaReport(TicketService tickets, ClockStints clocks, EscalationOutbox outbox, CsatRatings ratings) {
    this.tickets = tickets;
    this.clocks = clocks;
    this.outbox = outbox;
    this.ratings = ratings;
  }

  /** How one SLA clock of one ticket ended. */
  enum Result { MET, BREACHED, OPEN }

  /** A clock of a ticket: its result, whether it met the internal target, its business time when it stopped. */
  record Outcome(Result result, boolean internalMet, Duration businessTime) {}

  /**
   * One ticket with how its SLA clocks ended and the teams that worked it.
   *
   * @param stints every stint of the ticket, oldest first
   * @param paused business time its resolution clock stood still, when that clock stopped met or breached; else null
   * @param resolutionBudget the budget of its latest resolution stint; null when the clock never started
   * @param escalations escalations sent, by rung code
   * @param rating the customer's survey rating; null without an answer
   */
  record Counted(TicketSegment ticket, Outcome firstResponse, Outcome resolution, Set<String> teams,
      List<ClockStint> stints, Duration paused, Duration resolutionBudget, Map<String, Integer> escalations,
      Integer rating) {

    boolean breached() {
      return firstResponse != null && firstResponse.result() == Result.BREACHED
          || resolution != null && resolution.result() == Result.BREACHED;
    }
  }

  List<ReportRow> rows(ReportQuery query) {
    return groups(query).entrySet().stream().map(group -> row(group.getKey(), group.getValue())).toList();
  }

  /** The counted tickets of the period by group, sorted by group. */
  Map<String, List<Counted>> groups(ReportQuery query) {
    Map<String, List<Counted>> groups = new TreeMap<>();
    for (Counted counted : counted(query.start(), query.end())) {
      for (String group : groups(counted, query.groupBy())) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(counted);
      }
    }
    return groups;
  }

  /** The tickets opened from {@code start} (inclusive) to {@code end} (exclusive), each with its clocks' outcome. */
  List<Counted> counted(Instant start, Instant end) {
    List<TicketSegment> opened = tickets.openedBetween(start, end);
    Map<Long, List<ClockStint>> stints = new HashMap<>();
    List<Long> numbers = opened.stream().map(TicketSegment::number).toList();
    if (!opened.isEmpty()) {
      for (ClockStint stint : clocks.stints(numbers)) {
        stints.computeIfAbsent(stint.ticketNumber(), n -> new ArrayList<>()).add(stint);
      }
    }
    Map<Long, Map<String, Integer>> sent = outbox.sentRungs(numbers);
    Map<Long, Integer> rated = ratings.ratings(numbers);
    return opened.stream().map(ticket -> {
      List<ClockStint> own = stints.getOrDefault(ticket.number(), List.of());
      boolean cancelled = TicketView.CANCELLED.equals(ticket.status());
      Set<String> teams = new LinkedHashSet<>();
      own.forEach(stint -> stint.clock().team().ifPresent(teams::add));
      List<ClockStint> resolution = of(own, ClockName.RESOLUTION);
      ClockStint latestResolution = resolution.isEmpty() ? null : resolution.get(resolution.size() - 1);
      return new Counted(ticket, outcome(of(own, ClockName.FIRST_RESPONSE), cancelled),
          outcome(resolution, cancelled), teams, own,
          latestResolution != null && timed(latestResolution, cancelled) ? latestResolution.paused() : null,
          latestResolution == null ? null : latestResolution.budget(),
          sent.getOrDefault(ticket.number(), Map.of()), rated.get(ticket.number()));
    }).toList();
  }

  private static List<ClockStint> of(List<ClockStint> stints, ClockName clock) {
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
    Duration businessTime = timed(latest, cancelledTicket) ? latest.budget().minus(clocks.remaining(latest)) : null;
    int internalPercent = latest.internalPercent() == null ? 100 : latest.internalPercent();
    boolean internalMet = met && latest.stoppedAt().isBefore(clocks.dueAt(latest, internalPercent));
    return new Outcome(breached ? Result.BREACHED : met ? Result.MET : Result.OPEN, internalMet, businessTime);
  }

  /** Whether a stint stopped met or breached (not a breached clock that a cancellation stopped): it has a time. */
  private static boolean timed(ClockStint latest, boolean cancelledTicket) {
    return !latest.isOpen()
        && (latest.state() == ClockState.MET || latest.state() == ClockState.BREACHED && !cancelledTicket);
  }

  /** Breached: recorded by the ladder, stopped at or after its breach instant, or open with its budget used up. */
  boolean breached(ClockStint stint) {
    return stint.state() == ClockState.BREACHED || stint.breachedAt() != null
        || stint.isOpen() && clocks.remaining(stint).compareTo(Duration.ZERO) <= 0;
  }

  private static List<String> groups(Counted counted, GroupBy groupBy) {
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

  private ReportRow row(String group, List<Counted> counted) {
    List<Outcome> firstResponses = counted.stream().map(Counted::firstResponse).filter(o -> o != null).toList();
    List<Outcome> resolutions = counted.stream().map(Counted::resolution).filter(o -> o != null).toList();
    List<Duration> firstResponseTimes = times(firstResponses);
    List<Duration> resolutionTimes = times(resolutions);
    return new ReportRow(group, counted.size(), compliance(firstResponses), compliance(resolutions),
        iso(percentile(firstResponseTimes, 50)), iso(percentile(firstResponseTimes, 90)),
        iso(percentile(resolutionTimes, 50)), iso(percentile(resolutionTimes, 90)),
        (int) counted.stream().filter(Counted::breached).count(), paused(counted), escalations(counted), ola(counted),
        csat(counted));
  }

  private static ReportRow.Paused paused(List<Counted> counted) {
    List<Duration> paused = counted.stream().map(Counted::paused).filter(p -> p != null)
        .sorted(Comparator.naturalOrder()).toList();
    return new ReportRow.Paused(iso(percentile(paused, 50)),
        paused.isEmpty() ? null : iso(paused.stream().reduce(Duration.ZERO, Duration::plus)));
  }

  private static Map<String, Integer> escalations(List<Counted> counted) {
    Map<String, Integer> sent = new LinkedHashMap<>();
    for (Rung rung : Rung.values()) {
      sent.put(rung.code(), counted.stream().mapToInt(c -> c.escalations().getOrDefault(rung.code(), 0)).sum());
    }
    return sent;
  }

  private List<ReportRow.Ola> ola(List<Counted> counted) {
    Map<String, List<ClockStint>> byTeam = new TreeMap<>();
    for (Counted ticket : counted) {
      for (ClockStint stint : ticket.stints()) {
        stint.clock().team().ifPresent(team -> byTeam.computeIfAbsent(team, t -> new ArrayList<>()).add(stint));
      }
    }
    return byTeam.entrySet().stream().map(team -> {
      int breached = (int) team.getValue().stream().filter(this::breached).count();
      int met = (int) team.getValue().stream().filter(s -> !breached(s) && s.state() == ClockState.MET).count();
      return new ReportRow.Ola(team.getKey(), team.getValue().size(), met, breached,
          met + breached == 0 ? null : (double) met / (met + breached));
    }).toList();
  }

  /** The ratings {@code 1} to {@code 5} as a report lists them. */
  static final List<String> SCORES = List.of("1", "2", "3", "4", "5");

  static ReportRow.Csat csat(List<Counted> counted) {
    List<Integer> rated = counted.stream().map(Counted::rating).filter(r -> r != null).toList();
    Map<String, Integer> scores = new LinkedHashMap<>();
    SCORES.forEach(score -> scores.put(score, 0));
    rated.forEach(rating -> scores.merge(String.valueOf(rating), 1, Integer::sum));
    return new ReportRow.Csat(rated.size(),
        rated.isEmpty() ? null : rated.stream().mapToInt(Integer::intValue).sum() / (double) rated.size(), scores);
  }

  private static ReportRow.Compliance compliance(List<Outcome> outcomes) {
    int met = (int) outcomes.stream().filter(o -> o.result() == Result.MET).count();
    int breached = (int) outcomes.stream().filter(o -> o.result() == Result.BREACHED).count();
    int internalMet = (int) outcomes.stream().filter(Outcome::internalMet).count();
    return new ReportRow.Compliance(met, breached, met + breached == 0 ? null : (double) met / (met + breached),
        internalMet);
  }

  private static List<Duration> times(List<Outcome> outcomes) {
    return outcomes.stream().map(Outcome::businessTime).filter(time -> time != null)
        .sorted(Comparator.naturalOrder()).toList();
  }

  /** The nearest-rank percentile of sorted times: the smallest time at least {@code percent} % of them reach. */
  static Duration percentile(List<Duration> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  static String iso(Duration duration) {
    return duration == null ? null : duration.toString();
  }
}
