package org.slaescalation.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockState;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.csat.SurveyAnswers;
import org.slaescalation.ladder.EscalationOutbox;
import org.slaescalation.ladder.Rung;
import org.slaescalation.report.Counting.Outcome;
import org.slaescalation.report.Counting.Result;
import org.slaescalation.ticket.TicketSegment;
import org.slaescalation.ticket.TicketService;
import org.slaescalation.ticket.TicketView;
import org.springframework.stereotype.Service;

/**
 * The SLA compliance report: the tickets opened in a period, grouped, with how their first-response and resolution
 * clocks ended. Read in three queries whatever the number of tickets (the tickets, their variables, their clock
 * stints).
 *
 * <p>{@link Counting} holds the counting rules (met, breached, internal target, groups), shared with the what-if
 * replay. Business time to first response and resolution is the business time of the clock's latest stint from its start to
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

  private final TicketService tickets;
  private final ClockStints clocks;
  private final EscalationOutbox outbox;
  private final SurveyAnswers ratings;
  private final Counting counting;

  SlaReport(TicketService tickets, ClockStints clocks, EscalationOutbox outbox, SurveyAnswers ratings,
      Counting counting) {
    this.tickets = tickets;
    this.clocks = clocks;
    this.outbox = outbox;
    this.ratings = ratings;
    this.counting = counting;
  }

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

    /** The ticket as the counting rules see it. */
    Counting.Counted counting() {
      return new Counting.Counted(ticket, firstResponse, resolution, teams);
    }
  }

  List<ReportRow> rows(ReportQuery query) {
    return rows(groups(query));
  }

  /** The rows of groups already counted ({@link #groups}), so that a caller that needs both reads the period once. */
  List<ReportRow> rows(Map<String, List<Counted>> groups) {
    return groups.entrySet().stream().map(group -> row(group.getKey(), group.getValue())).toList();
  }

  /** The counted tickets of the period by group, sorted by group. */
  Map<String, List<Counted>> groups(ReportQuery query) {
    Map<String, List<Counted>> groups = new TreeMap<>();
    for (Counted counted : counted(query.start(), query.end())) {
      for (String group : Counting.groups(counted.counting(), query.groupBy())) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(counted);
      }
    }
    return groups;
  }

  /** The tickets opened from {@code start} (inclusive) to {@code end} (exclusive), each with its clocks' outcome. */
  List<Counted> counted(Instant start, Instant end) {
    List<TicketSegment> opened = tickets.openedBetween(start, end);
    Map<Long, List<ClockStint>> stints = stints(opened);
    List<Long> numbers = opened.stream().map(TicketSegment::number).toList();
    Map<Long, Map<String, Integer>> sent = outbox.sentRungs(numbers);
    Map<Long, Integer> rated = ratings.ratings(numbers);
    return opened.stream().map(ticket -> {
      List<ClockStint> own = stints.getOrDefault(ticket.number(), List.of());
      boolean cancelled = TicketView.CANCELLED.equals(ticket.status());
      Counting.Counted base = counting.counted(ticket, own);
      List<ClockStint> resolution = Counting.of(own, ClockName.RESOLUTION);
      ClockStint latestResolution = resolution.isEmpty() ? null : resolution.get(resolution.size() - 1);
      return new Counted(ticket, base.firstResponse(), base.resolution(), base.teams(), own,
          latestResolution != null && Counting.timed(latestResolution, cancelled) ? latestResolution.paused() : null,
          latestResolution == null ? null : latestResolution.budget(),
          sent.getOrDefault(ticket.number(), Map.of()), rated.get(ticket.number()));
    }).toList();
  }

  /** The stints of the tickets by ticket number, oldest first, with one query. */
  Map<Long, List<ClockStint>> stints(List<TicketSegment> opened) {
    Map<Long, List<ClockStint>> stints = new HashMap<>();
    if (!opened.isEmpty()) {
      for (ClockStint stint : clocks.stints(opened.stream().map(TicketSegment::number).toList())) {
        stints.computeIfAbsent(stint.ticketNumber(), n -> new ArrayList<>()).add(stint);
      }
    }
    return stints;
  }

  /** Breached: recorded by the ladder, stopped at or after its breach instant, or open with its budget used up. */
  boolean breached(ClockStint stint) {
    return counting.breached(stint);
  }

  private ReportRow row(String group, List<Counted> counted) {
    List<Outcome> firstResponses = counted.stream().map(Counted::firstResponse).filter(o -> o != null).toList();
    List<Outcome> resolutions = counted.stream().map(Counted::resolution).filter(o -> o != null).toList();
    List<Duration> firstResponseTimes = times(firstResponses);
    List<Duration> resolutionTimes = times(resolutions);
    return new ReportRow(group, counted.size(), Counting.compliance(firstResponses),
        Counting.compliance(resolutions),
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
