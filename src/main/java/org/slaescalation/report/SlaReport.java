package org.slaescalation.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.report.Counting.Counted;
import org.slaescalation.report.Counting.Outcome;
import org.slaescalation.ticket.TicketSegment;
import org.slaescalation.ticket.TicketService;
import org.springframework.stereotype.Service;

/**
 * The SLA compliance report: the tickets opened in a period, grouped, with how their first-response and resolution
 * clocks ended ({@link Counting} holds the counting rules). Read in three queries whatever the number of tickets (the
 * tickets, their variables, their clock stints).
 *
 * <p>Business time to first response and resolution is the business time of the clock's latest stint from its start
 * to its stop, less its pauses (a reopened ticket's latest stint carries the time spent before the reopen, and the time
 * between the first resolution and the reopen counts as paused). Median and p90 are nearest-rank percentiles of those
 * times. Grouped by {@code team}, a ticket counts in the group of every team that had an OLA stint on it.
 */
@Service
class SlaReport {

  private final TicketService tickets;
  private final ClockStints clocks;
  private final Counting counting;

  SlaReport(TicketService tickets, ClockStints clocks, Counting counting) {
    this.tickets = tickets;
    this.clocks = clocks;
    this.counting = counting;
  }

  List<ReportRow> rows(ReportQuery query) {
    Map<String, List<Counted>> groups = new TreeMap<>();
    for (Counted counted : counted(tickets.openedBetween(query.start(), query.end()))) {
      for (String group : Counting.groups(counted, query.groupBy())) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(counted);
      }
    }
    return groups.entrySet().stream().map(group -> row(group.getKey(), group.getValue())).toList();
  }

  /** The tickets, each with its clocks' outcome; their stints read with one query. */
  List<Counted> counted(List<TicketSegment> opened) {
    Map<Long, List<ClockStint>> stints = stints(opened);
    return opened.stream()
        .map(ticket -> counting.counted(ticket, stints.getOrDefault(ticket.number(), List.of())))
        .toList();
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

  private static ReportRow row(String group, List<Counted> counted) {
    List<Outcome> firstResponses = counted.stream().map(Counted::firstResponse).filter(o -> o != null).toList();
    List<Outcome> resolutions = counted.stream().map(Counted::resolution).filter(o -> o != null).toList();
    List<Duration> firstResponseTimes = times(firstResponses);
    List<Duration> resolutionTimes = times(resolutions);
    return new ReportRow(group, counted.size(), Counting.compliance(firstResponses),
        Counting.compliance(resolutions),
        iso(percentile(firstResponseTimes, 50)), iso(percentile(firstResponseTimes, 90)),
        iso(percentile(resolutionTimes, 50)), iso(percentile(resolutionTimes, 90)));
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

  private static String iso(Duration duration) {
    return duration == null ? null : duration.toString();
  }
}
