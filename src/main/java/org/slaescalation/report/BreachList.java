package org.slaescalation.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.clock.StintRepository;
import org.slaescalation.ticket.TicketSegment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The breach list: one row per breached SLA clock of a ticket opened in the period (breached by the same rule as the
 * SLA report's), sorted by breach instant, with the teams that consumed the clock's budget.
 *
 * <p>A clock's breach is its first breached stint's: the instant the ladder recorded, or (not recorded yet) the
 * instant its budget ran out. Its span runs from that stint's start to the breach. A team consumed the business time,
 * in the SLA clock's calendar, during which one of its OLA stints ran within the span, less the ticket's pauses
 * (waiting on the customer) when the clock is the resolution, which stands still then. A reopened resolution's
 * stint starts where the first one did, so the time between the resolution and the reopen counts for the team
 * whose stint ran then (support, confirming the resolution with the customer).
 */
@Service
class BreachList {

  private static final List<ClockName> SLA_CLOCKS = List.of(ClockName.FIRST_RESPONSE, ClockName.RESOLUTION);

  private final SlaReport report;
  private final ClockStints clocks;
  private final BusinessCalendars calendars;
  private final Clock clock;
  private final String tasklist;

  BreachList(SlaReport report, ClockStints clocks, BusinessCalendars calendars, Clock clock,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${camunda.bpm.process-engine-name:default}") String engineName) {
    this.report = report;
    this.clocks = clocks;
    this.calendars = calendars;
    this.clock = clock;
    // The board's link (board.Board): the same Tasklist address for the same task.
    this.tasklist = webappPath + "/app/tasklist/" + engineName + "/#/?task=";
  }

  List<BreachRow> rows(ReportQuery query) {
    Instant now = clock.instant();
    List<BreachRow> rows = new ArrayList<>();
    for (SlaReport.Counted counted : report.counted(query.start(), query.end())) {
      List<StintRepository.Pause> pauses = null;
      for (ClockName name : SLA_CLOCKS) {
        ClockStint breached = counted.stints().stream()
            .filter(stint -> stint.clock().equals(name) && report.breached(stint)).findFirst().orElse(null);
        if (breached == null) {
          continue;
        }
        if (pauses == null) {
          pauses = clocks.pauses(counted.ticket().number());
        }
        Instant breachedAt = breached.breachedAt() != null ? breached.breachedAt() : clocks.dueAt(breached, 100);
        rows.add(row(counted, breached, breachedAt,
            name.equals(ClockName.RESOLUTION) ? pauses : List.of(), now));
      }
    }
    rows.sort(Comparator.comparing(BreachRow::breachedAt).thenComparing(BreachRow::ticketId)
        .thenComparing(BreachRow::clock));
    return rows;
  }

  private BreachRow row(SlaReport.Counted counted, ClockStint breached, Instant breachedAt,
      List<StintRepository.Pause> pauses, Instant now) {
    BusinessCalendar calendar = calendars.get(breached.calendar());
    Map<String, List<ClockStint>> byTeam = new TreeMap<>();
    Map<String, Duration> used = new TreeMap<>();
    for (ClockStint stint : counted.stints()) {
      if (stint.clock().team().isEmpty()) {
        continue;
      }
      Instant from = max(stint.startedAt(), breached.startedAt());
      Instant to = min(stint.isOpen() ? now : stint.stoppedAt(), breachedAt);
      if (!from.isBefore(to)) {
        continue;
      }
      Duration time = calendar.elapsed(from, to);
      for (StintRepository.Pause pause : pauses) {
        Instant pauseFrom = max(pause.from(), from);
        Instant pauseTo = min(pause.to() == null ? now : pause.to(), to);
        if (pauseFrom.isBefore(pauseTo)) {
          time = time.minus(calendar.elapsed(pauseFrom, pauseTo));
        }
      }
      String team = stint.clock().team().get();
      byTeam.computeIfAbsent(team, t -> new ArrayList<>()).add(stint);
      used.merge(team, time, Duration::plus);
    }
    List<BreachRow.Consumer> consumers = byTeam.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<ClockStint>> e) -> used.get(e.getKey())).reversed()
            .thenComparing(e -> e.getKey()))
        .map(team -> new BreachRow.Consumer(team.getKey(), team.getValue().size(), used.get(team.getKey()).toString(),
            team.getValue().stream().map(ClockStint::budget).reduce(Duration.ZERO, Duration::plus).toString(),
            team.getValue().stream().anyMatch(report::breached)))
        .toList();
    TicketSegment ticket = counted.ticket();
    String taskUrl = ticket.taskId() != null ? tasklist + ticket.taskId() : "/api/tickets/" + ticket.id();
    return new BreachRow(ticket.id(), breached.clock().value(), ticket.tier(), ticket.priority(), ticket.category(),
        ticket.customerId(), breachedAt, breached.budget().toString(), consumers, taskUrl);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
