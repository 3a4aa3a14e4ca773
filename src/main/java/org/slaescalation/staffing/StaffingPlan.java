package org.slaescalation.staffing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.businesstime.OpeningInterval;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.coverage.PolicyTables;
import org.slaescalation.staffing.ErlangC.Staffing;
import org.slaescalation.staffing.ErlangC.Target;
import org.slaescalation.staffing.TeamTasks.TeamTask;

/**
 * The agents a team needs in each open hour of its week to meet its OLA targets, from what the team was actually
 * given over {@code escalation.staffing.window}, beside what its roster provides. Sizing the team to the promise is
 * the point (<i>base SLAs on customer needs, not team size</i>): the hours the roster cannot cover are the ones
 * that breach first.
 *
 * <ul>
 *   <li><b>Hours</b> are the hours of the week in the team calendar's zone (the calendar named like the team) in
 *       which it is open at all; an hour's open part is what its weekly hours leave of it (08:30-09:00 of the hour
 *       08:00-09:00).
 *   <li><b>Arrivals</b>: the team's tasks created in the window, each counted in the hour of its creation, or, when
 *       the calendar was closed then, of the next opening (the night's tickets wait for the morning). The rate is
 *       the count over the open time that hour had in the window (holidays and closed dates have none).
 *   <li><b>Handling time</b>: the mean business time, in the team calendar, from a task's claim to its
 *       completion, of the tasks completed in the window ({@link TeamTask#handlingStarted()}): the wait in the
 *       queue before the claim is the wait Erlang C computes, not handling. A task completed without a recorded
 *       claim counts from its creation, which errs towards more agents.
 *   <li><b>Targets</b>: each priority's share of the tasks and its OLA budget ({@code OlaBudget}) less the handling
 *       time, at least zero: a task meets its OLA when its wait leaves room for its handling. The service level is
 *       the share of all tasks that meet theirs ({@link ErlangC#required(double, double, List, double)}).
 * </ul>
 */
public final class StaffingPlan {

  private static final int SECONDS_PER_HOUR = 3_600;

  private final TeamTasks tasks;
  private final BusinessCalendars calendars;
  private final PolicyTables policy;
  private final Roster roster;
  private final StaffingProperties properties;
  private final Clock clock;

  public StaffingPlan(TeamTasks tasks, BusinessCalendars calendars, PolicyTables policy, Roster roster,
      StaffingProperties properties, Clock clock) {
    this.tasks = tasks;
    this.calendars = calendars;
    this.policy = policy;
    this.roster = roster;
    this.properties = properties;
    this.clock = clock;
  }

  /** The service level of {@code escalation.staffing.service-level}. */
  public double defaultServiceLevel() {
    return properties.serviceLevel();
  }

  /** The team's plan over the window that ends now, for the share {@code serviceLevel} in (0, 1). */
  public Plan plan(String team, double serviceLevel) {
    Instant to = clock.instant();
    Instant from = to.minus(properties.window());
    BusinessCalendar calendar = calendars.get(team);
    List<TeamTask> given = tasks.created(team, from, to);

    Double handleMinutes = handleMinutes(calendar, given);
    List<TargetView> targets = targets(team, given, handleMinutes);
    List<Target> erlangTargets = targets.stream().map(t -> new Target(t.targetMinutes(), t.share())).toList();
    Map<Slot, Integer> arrivals = arrivals(calendar, given, to);
    Map<Slot, Long> openSeconds = openSeconds(calendar, from, to);

    List<HourView> hours = new ArrayList<>();
    for (Map.Entry<Slot, List<int[]>> slot : openParts(calendar).entrySet()) {
      hours.add(hour(team, slot.getKey(), slot.getValue(), arrivals.getOrDefault(slot.getKey(), 0),
          openSeconds.getOrDefault(slot.getKey(), 0L), handleMinutes, erlangTargets, serviceLevel));
    }
    long completed = given.stream().filter(task -> task.ended() != null).count();
    return new Plan(team, calendar.name(), calendar.zone().getId(), from.toString(), to.toString(),
        properties.window().toString(), serviceLevel, given.size(), completed, handleMinutes, targets,
        roster.has(team), hours, hours.stream()
            .filter(h -> roster.has(team) && (h.beyondLimit() != null || h.shortfall() != null && h.shortfall() > 0))
            .toList());
  }

  private HourView hour(String team, Slot slot, List<int[]> parts, int arrivals, long openSeconds,
      Double handleMinutes, List<Target> targets, double serviceLevel) {
    double openHours = openSeconds / (double) SECONDS_PER_HOUR;
    Double rate = openSeconds > 0 ? arrivals / openHours : arrivals == 0 ? 0.0 : null;
    Integer needed = null;
    Double achieved = null;
    boolean beyond = false;
    if (rate != null && (rate == 0 || handleMinutes != null)) {
      try {
        Staffing staffing = ErlangC.required(rate, rate == 0 ? 1 : handleMinutes, targets, serviceLevel);
        needed = staffing.agents();
        achieved = staffing.serviceLevel();
      } catch (ErlangC.BeyondLimitException tooMuch) {
        beyond = true;
      }
    }
    Integer rostered = null;
    Integer shortfall = null;
    Double rosteredLevel = null;
    if (roster.has(team)) {
      int fewest = Integer.MAX_VALUE;
      for (int[] part : parts) {
        fewest = Math.min(fewest, roster.fewestAgents(team, slot.day(), part[0], part[1]));
      }
      rostered = fewest;
      if (needed != null) {
        shortfall = Math.max(0, needed - rostered);
        rosteredLevel = rate == 0 ? 1.0
            : ErlangC.achieved(rostered, rate, handleMinutes, targets).serviceLevel();
      }
    }
    List<String> open = parts.stream().map(p -> time(p[0]) + "-" + time(p[1])).toList();
    return new HourView(slot.day(), time(slot.hour() * SECONDS_PER_HOUR) + "-" + time((slot.hour() + 1)
        * SECONDS_PER_HOUR), open, openHours, arrivals, rate, needed, achieved, beyond ? Boolean.TRUE : null,
        rostered, rosteredLevel, shortfall);
  }

  /** Mean business minutes from claim to completion; {@code null} without a completed task that took time. */
  private static Double handleMinutes(BusinessCalendar calendar, List<TeamTask> given) {
    long count = 0;
    double seconds = 0;
    for (TeamTask task : given) {
      if (task.ended() != null && !task.ended().isBefore(task.created())) {
        Duration busy = calendar.elapsed(task.handlingStarted(), task.ended());
        seconds += busy.getSeconds() + busy.getNano() / 1e9;
        count++;
      }
    }
    return count == 0 || seconds <= 0 ? null : seconds / count / 60;
  }

  private List<TargetView> targets(String team, List<TeamTask> given, Double handleMinutes) {
    Map<String, Integer> byPriority = new TreeMap<>();
    int withPriority = 0;
    for (TeamTask task : given) {
      if (task.priority() != null) {
        byPriority.merge(task.priority(), 1, Integer::sum);
        withPriority++;
      }
    }
    List<TargetView> targets = new ArrayList<>();
    for (Map.Entry<String, Integer> priority : byPriority.entrySet()) {
      Duration budget = policy.olaBudget(team, priority.getKey()).budget();
      double budgetMinutes = budget.getSeconds() / 60.0;
      double target = Math.max(0, budgetMinutes - (handleMinutes == null ? 0 : handleMinutes));
      targets.add(new TargetView(priority.getKey(), budget.toString(), priority.getValue(),
          priority.getValue() / (double) withPriority, target));
    }
    if (targets.isEmpty()) {
      return List.of(new TargetView(null, null, 0, 1, 0));
    }
    return targets;
  }

  private static Map<Slot, Integer> arrivals(BusinessCalendar calendar, List<TeamTask> given, Instant to) {
    Map<Slot, Integer> arrivals = new HashMap<>();
    for (TeamTask task : given) {
      Optional<Instant> opening = calendar.nextOpening(task.created());
      if (opening.isPresent() && opening.get().isBefore(to)) {
        ZonedDateTime local = opening.get().atZone(calendar.zone());
        arrivals.merge(new Slot(local.getDayOfWeek(), local.getHour()), 1, Integer::sum);
      }
    }
    return arrivals;
  }

  /** The open time each hour of the week had within {@code [from, to)}: holidays and DST counted in the calendar. */
  private static Map<Slot, Long> openSeconds(BusinessCalendar calendar, Instant from, Instant to) {
    ZoneId zone = calendar.zone();
    Map<Slot, Long> open = new HashMap<>();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
      for (int hour = 0; hour < 24; hour++) {
        Instant start = max(date.atTime(hour, 0).atZone(zone).toInstant(), from);
        Instant end = min((hour == 23 ? date.plusDays(1).atStartOfDay() : date.atTime(hour + 1, 0))
            .atZone(zone).toInstant(), to);
        if (start.isBefore(end)) {
          long seconds = calendar.elapsed(start, end).getSeconds();
          if (seconds > 0) {
            open.merge(new Slot(date.getDayOfWeek(), hour), seconds, Long::sum);
          }
        }
      }
    }
    return open;
  }

  /** Per hour of the week that the weekly hours open at all, its open parts in seconds of the day. */
  private static Map<Slot, List<int[]>> openParts(BusinessCalendar calendar) {
    Map<Slot, List<int[]>> parts = new TreeMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      for (OpeningInterval interval : calendar.weeklyHours().getOrDefault(day, List.of())) {
        for (int hour = 0; hour < 24; hour++) {
          int start = Math.max(hour * SECONDS_PER_HOUR, interval.openSecondOfDay());
          int end = Math.min((hour + 1) * SECONDS_PER_HOUR, interval.closeSecondOfDay());
          if (start < end) {
            parts.computeIfAbsent(new Slot(day, hour), slot -> new ArrayList<>()).add(new int[] {start, end});
          }
        }
      }
    }
    return parts;
  }

  private static String time(int secondOfDay) {
    return secondOfDay >= 86_400 ? "24:00" : LocalTime.ofSecondOfDay(secondOfDay).toString();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** An hour of the week, in the calendar's zone. */
  record Slot(DayOfWeek day, int hour) implements Comparable<Slot> {

    @Override
    public int compareTo(Slot other) {
      int byDay = day.compareTo(other.day);
      return byDay != 0 ? byDay : Integer.compare(hour, other.hour);
    }
  }

  /**
   * A team's staffing plan; {@code uncovered} are the hours whose roster falls short.
   *
   * @param handleMinutes {@code null} when no task was completed in the window (no agents can be computed)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Plan(String team, String calendar, String zone, String from, String to, String window,
      double serviceLevel, int tasks, long completedTasks, Double handleMinutes, List<TargetView> targets,
      boolean rostered, List<HourView> hours, List<HourView> uncovered) {}

  /**
   * A priority's share of the team's tasks and its target wait: its OLA budget less the handling time.
   *
   * @param priority {@code null} when no task had one (then a single target of no wait)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TargetView(String priority, String olaBudget, int tasks, double share, double targetMinutes) {}

  /**
   * One open hour of the week.
   *
   * @param open the open parts of the hour ({@code 08:30-09:00})
   * @param openHours the open time this hour had in the window, in hours
   * @param arrivalsPerHour arrivals over open hours; {@code null} when the hour had no open time in the window
   * @param agentsNeeded the fewest agents that meet the service level; {@code null} when not computable
   * @param serviceLevel the share of tasks that those agents let meet their target
   * @param beyondLimit {@code true} when more than 10,000 agents would be needed (then uncovered by any roster)
   * @param rostered the fewest agents the roster has on duty during the hour's open parts (only with a roster)
   * @param rosteredServiceLevel the share of tasks that meet their target with the rostered agents
   * @param shortfall agents needed beyond the roster, at least zero
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HourView(DayOfWeek day, String hour, List<String> open, double openHours, int arrivals,
      Double arrivalsPerHour, Integer agentsNeeded, Double serviceLevel, Boolean beyondLimit, Integer rostered,
      Double rosteredServiceLevel, Integer shortfall) {}
}
