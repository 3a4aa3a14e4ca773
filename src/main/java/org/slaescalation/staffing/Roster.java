package org.slaescalation.staffing;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slaescalation.businesstime.OpeningInterval;
import org.slaescalation.team.Team;

/**
 * The agents each team has on duty, per weekday and interval, as configured in
 * {@code escalation.staffing.roster.<team>.<DAY> = HH:mm-HH:mm=<agents>, ...} (local times of the team calendar's
 * zone, {@code 24:00} for the end of the day). Time of a day that no interval names has no agent. Parsed once at
 * start-up: every mistake is collected and stops start-up, naming its property and the fix.
 */
public final class Roster {

  /** One interval of a day's roster: {@code agents} on duty in {@code interval}. */
  public record Shift(OpeningInterval interval, int agents) {}

  private final Map<String, Map<DayOfWeek, List<Shift>>> shifts;

  private Roster(Map<String, Map<DayOfWeek, List<Shift>>> shifts) {
    this.shifts = shifts;
  }

  /**
   * Checks and parses the configuration.
   *
   * @throws InvalidStaffingConfigurationException listing every problem
   */
  public static Roster of(StaffingProperties properties) {
    List<String> problems = new ArrayList<>();
    if (properties.window() == null || properties.window().isNegative() || properties.window().isZero()
        || properties.window().toDays() > 366) {
      problems.add("escalation.staffing.window = " + properties.window()
          + ": must be a positive ISO-8601 duration of at most P366D, e.g. P28D");
    }
    if (!(properties.serviceLevel() > 0 && properties.serviceLevel() < 1)) {
      problems.add("escalation.staffing.service-level = " + properties.serviceLevel()
          + ": must lie strictly between 0 and 1, e.g. 0.8 for 80 %");
    }
    Map<String, Map<DayOfWeek, List<Shift>>> parsed = new TreeMap<>();
    properties.roster().forEach((team, days) -> {
      String prefix = "escalation.staffing.roster." + team;
      if (Team.fromCode(team).isEmpty()) {
        problems.add(prefix + ": no team is called '" + team + "'; use support, engineering or sysadmin");
        return;
      }
      Map<DayOfWeek, List<Shift>> byDay = new EnumMap<>(DayOfWeek.class);
      (days == null ? Map.<String, String>of() : days).forEach((day, value) -> {
        DayOfWeek dayOfWeek = day(day);
        if (dayOfWeek == null) {
          problems.add(prefix + "." + day + ": '" + day + "' is no weekday; use MONDAY ... SUNDAY");
        } else {
          byDay.put(dayOfWeek, shifts(prefix + "." + day, value, problems));
        }
      });
      parsed.put(team, Collections.unmodifiableMap(byDay));
    });
    if (!problems.isEmpty()) {
      throw new InvalidStaffingConfigurationException(problems);
    }
    return new Roster(Collections.unmodifiableMap(parsed));
  }

  /** Whether the team has a roster at all: without one, the staffing view shows only what is needed. */
  public boolean has(String team) {
    return shifts.containsKey(team);
  }

  /** The team's shifts on that day, sorted; empty when none is rostered. */
  public List<Shift> shifts(String team, DayOfWeek day) {
    return shifts.getOrDefault(team, Map.of()).getOrDefault(day, List.of());
  }

  /**
   * The fewest agents on duty at any moment of {@code [fromSecond, toSecond)} of the day (seconds from midnight):
   * a slot is covered only as well as its worst moment.
   */
  public int fewestAgents(String team, DayOfWeek day, int fromSecond, int toSecond) {
    int fewest = Integer.MAX_VALUE;
    int position = fromSecond;
    for (Shift shift : shifts(team, day)) {
      int open = shift.interval().openSecondOfDay();
      int close = shift.interval().closeSecondOfDay();
      if (close <= position) {
        continue;
      }
      if (open >= toSecond) {
        break;
      }
      if (open > position) {
        return 0;
      }
      fewest = Math.min(fewest, shift.agents());
      position = close;
      if (position >= toSecond) {
        return fewest;
      }
    }
    return 0;
  }

  private static DayOfWeek day(String day) {
    try {
      return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException notADay) {
      return null;
    }
  }

  private static List<Shift> shifts(String property, String value, List<String> problems) {
    List<Shift> shifts = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return List.of();
    }
    for (String part : value.split(",")) {
      int equals = part.indexOf('=');
      if (equals < 0) {
        problems.add(property + " = " + value + ": '" + part.strip() + "' has no number of agents;"
            + " write HH:mm-HH:mm=<agents>, e.g. 09:00-12:00=3,12:00-17:00=4");
        continue;
      }
      OpeningInterval interval;
      try {
        interval = OpeningInterval.parse(part.substring(0, equals));
      } catch (IllegalArgumentException e) {
        problems.add(property + " = " + value + ": " + e.getMessage());
        continue;
      }
      String agents = part.substring(equals + 1).strip();
      if (!agents.matches("[0-9]{1,5}") || Integer.parseInt(agents) > ErlangC.MAX_AGENTS) {
        problems.add(property + " = " + value + ": '" + agents + "' agents in " + interval + " is not a whole number"
            + " from 0 to " + ErlangC.MAX_AGENTS);
        continue;
      }
      shifts.add(new Shift(interval, Integer.parseInt(agents)));
    }
    shifts.sort((a, b) -> a.interval().compareTo(b.interval()));
    for (int i = 1; i < shifts.size(); i++) {
      if (shifts.get(i - 1).interval().overlaps(shifts.get(i).interval())) {
        problems.add(property + " = " + value + ": " + shifts.get(i - 1).interval() + " and "
            + shifts.get(i).interval() + " overlap; give each moment of the day one number of agents");
      }
    }
    return List.copyOf(shifts);
  }
}
