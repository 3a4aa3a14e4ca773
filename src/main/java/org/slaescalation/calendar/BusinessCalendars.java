package org.slaescalation.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.businesstime.HolidaySource;
import org.slaescalation.businesstime.JollydayHolidaySource;
import org.slaescalation.businesstime.OpeningInterval;

/**
 * The configured business calendars by name. Built once at start-up from {@link CalendarProperties}; any invalid
 * calendar fails start-up with an {@link InvalidCalendarConfigurationException} listing every problem.
 */
public class BusinessCalendars {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private final SortedMap<String, BusinessCalendar> calendars;

  /**
   * Validates and builds all calendars.
   *
   * @throws InvalidCalendarConfigurationException if any calendar is invalid
   */
  public BusinessCalendars(CalendarProperties properties) {
    List<String> problems = new ArrayList<>();
    Map<String, HolidaySource> holidaySources = new HashMap<>();
    SortedMap<String, BusinessCalendar> built = new TreeMap<>();
    properties.calendars().forEach((name, definition) -> {
      BusinessCalendar calendar = build(name, definition, holidaySources, problems);
      if (calendar != null) {
        built.put(name, calendar);
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidCalendarConfigurationException(problems);
    }
    this.calendars = Collections.unmodifiableSortedMap(built);
  }

  /**
   * The calendar of that name.
   *
   * @throws UnknownCalendarException if no calendar has that name
   */
  public BusinessCalendar get(String name) {
    BusinessCalendar calendar = calendars.get(name);
    if (calendar == null) {
      throw new UnknownCalendarException(name, names());
    }
    return calendar;
  }

  /** The names of all calendars, sorted. */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(calendars.keySet()));
  }

  private static BusinessCalendar build(
      String name, CalendarProperties.Definition definition, Map<String, HolidaySource> holidaySources,
      List<String> problems) {
    String prefix = "escalation.calendars." + name;
    int problemsBefore = problems.size();
    if (!NAME.matcher(name).matches()) {
      problems.add(prefix + ": the name '" + name + "' is used in URLs; use lower-case letters, digits, '-' and '_'");
    }
    if (definition == null) {
      problems.add(prefix + ": is empty; set at least zone and weekly-hours");
      return null;
    }
    ZoneId zone = zone(prefix, definition.zone(), problems);
    HolidaySource holidays = holidays(prefix, definition.holidays(), holidaySources, problems);
    List<LocalDate> closedDates = closedDates(prefix, definition.closedDates(), problems);
    Map<DayOfWeek, List<OpeningInterval>> hours = weeklyHours(prefix, definition.weeklyHours(), problems);
    if (problems.size() > problemsBefore) {
      return null;
    }
    return BusinessCalendar.of(name, zone, hours, holidays, closedDates);
  }

  private static ZoneId zone(String prefix, String zone, List<String> problems) {
    if (zone == null || zone.isBlank()) {
      problems.add(prefix + ".zone: is missing; set an IANA time zone id such as Europe/Amsterdam or UTC");
      return null;
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      problems.add(prefix + ".zone = \"" + zone + "\": unknown time zone; use an IANA time zone id such as"
          + " Europe/Amsterdam, America/New_York or UTC");
      return null;
    }
  }

  private static HolidaySource holidays(
      String prefix, String code, Map<String, HolidaySource> holidaySources, List<String> problems) {
    if (code == null || code.isBlank()) {
      return HolidaySource.none();
    }
    try {
      return holidaySources.computeIfAbsent(code.strip().toUpperCase(Locale.ROOT), JollydayHolidaySource::of);
    } catch (IllegalArgumentException e) {
      problems.add(prefix + ".holidays = \"" + code + "\": " + e.getMessage() + "; or remove the property for no"
          + " holidays");
      return null;
    }
  }

  private static List<LocalDate> closedDates(String prefix, List<String> dates, List<String> problems) {
    List<LocalDate> result = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) {
      String date = dates.get(i);
      try {
        result.add(LocalDate.parse(date == null ? "" : date.strip()));
      } catch (DateTimeParseException e) {
        problems.add(prefix + ".closed-dates[" + i + "] = \"" + date + "\": not a date; write it as yyyy-MM-dd,"
            + " e.g. 2026-12-24");
      }
    }
    return result;
  }

  private static Map<DayOfWeek, List<OpeningInterval>> weeklyHours(
      String prefix, Map<DayOfWeek, List<String>> weeklyHours, List<String> problems) {
    Map<DayOfWeek, List<OpeningInterval>> result = new EnumMap<>(DayOfWeek.class);
    boolean anyHours = false;
    for (Map.Entry<DayOfWeek, List<String>> day : new TreeMap<>(weeklyHours).entrySet()) {
      List<OpeningInterval> intervals = new ArrayList<>();
      List<String> texts = day.getValue() == null ? List.of() : day.getValue();
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        String property = prefix + ".weekly-hours." + day.getKey() + "[" + i + "]";
        try {
          OpeningInterval interval = OpeningInterval.parse(texts.get(i) == null ? "" : texts.get(i));
          for (int j = 0; j < intervals.size(); j++) {
            if (intervals.get(j).overlaps(interval)) {
              problems.add(property + " = \"" + texts.get(i) + "\": overlaps " + day.getKey() + "[" + indexes.get(j)
                  + "] = \"" + texts.get(indexes.get(j)) + "\"; make the intervals of a day disjoint or merge them");
            }
          }
          intervals.add(interval);
          indexes.add(i);
        } catch (IllegalArgumentException e) {
          problems.add(property + " = \"" + texts.get(i) + "\": " + e.getMessage());
        }
      }
      anyHours |= !intervals.isEmpty();
      result.put(day.getKey(), intervals);
    }
    if (!anyHours && problems.stream().noneMatch(p -> p.startsWith(prefix + ".weekly-hours"))) {
      problems.add(prefix + ".weekly-hours: no opening hours, so nothing would ever be due; add intervals per"
          + " weekday, e.g. MONDAY: [\"09:00-17:00\"], or 00:00-24:00 on every day for 24/7");
    }
    return result;
  }
}
