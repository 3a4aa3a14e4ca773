package org.slaescalation.calendar;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Business calendars by name, bound from {@code escalation.calendars.<name>.*}. Calendars of every configuration
 * file are merged by name (the shipped {@code calendars.yaml}, {@code application.yaml},
 * {@code --spring.config.additional-location} files); a later source may override single properties of a calendar.
 * {@link BusinessCalendars} validates them at start-up.
 *
 * @param calendars the calendar definitions by name
 */
@ConfigurationProperties(prefix = "escalation")
public record CalendarProperties(Map<String, Definition> calendars) {

  /** Sorts the calendars by name; no calendars when none are configured. */
  public CalendarProperties {
    calendars = calendars == null ? Map.of() : new TreeMap<>(calendars);
  }

  /**
   * One calendar as configured.
   *
   * @param zone        IANA time zone id of the opening hours, e.g. {@code Europe/Amsterdam}; required
   * @param holidays    optional jollyday country code, optionally with a subdivision: {@code NL}, {@code US-NY}
   * @param closedDates optional extra closed local dates, {@code yyyy-MM-dd}
   * @param weeklyHours opening intervals per weekday ({@code MONDAY} ... {@code SUNDAY}) as {@code "HH:mm-HH:mm"},
   *                    closing time {@code 24:00} allowed; a weekday that is not listed is closed
   */
  public record Definition(
      String zone, String holidays, List<String> closedDates, Map<DayOfWeek, List<String>> weeklyHours) {

    /** Replaces missing lists and maps by empty ones. */
    public Definition {
      closedDates = closedDates == null ? List.of() : closedDates;
      weeklyHours = weeklyHours == null ? Map.of() : weeklyHours;
    }
  }
}
