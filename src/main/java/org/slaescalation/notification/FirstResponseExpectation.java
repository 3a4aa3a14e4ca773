package org.slaescalation.notification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.businesstime.HolidaySource;

/**
 * When a customer can expect the first response, and why it may be later than the target suggests: the
 * first-response target counted in the SLA calendar from the moment the ticket was submitted.
 *
 * @param due the first-response due instant
 * @param calendarName the SLA calendar
 * @param roundTheClock whether the calendar is open 24/7 (no closed hours, holidays or closed dates)
 * @param calendarZone the calendar's time zone, in which its office hours are stated
 * @param openDays the calendar's open weekdays in words: {@code Monday to Friday}, {@code every day}
 * @param delayedByOfficeHours whether office hours push the due instant beyond the day (in the customer's
 *     zone) the ticket was submitted on, beyond where round-the-clock time would have put it
 * @param submittedWhileClosed whether the calendar was closed when the ticket was submitted
 */
public record FirstResponseExpectation(Instant due, String calendarName, boolean roundTheClock, ZoneId calendarZone,
    String openDays, boolean delayedByOfficeHours, boolean submittedWhileClosed) {

  private static final Duration WEEK = Duration.ofDays(7);

  public FirstResponseExpectation {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(calendarName, "calendarName");
    Objects.requireNonNull(calendarZone, "calendarZone");
  }

  /**
   * The expectation for a ticket submitted at {@code submittedAt} with first-response target {@code target}
   * in {@code calendar}, for a customer in {@code customerZone}.
   */
  public static FirstResponseExpectation of(BusinessCalendar calendar, Instant submittedAt, Duration target,
      ZoneId customerZone) {
    Instant due = calendar.due(submittedAt, target);
    boolean roundTheClock = calendar.weeklyOpenTime().equals(WEEK)
        && calendar.holidaySource() == HolidaySource.none()
        && calendar.extraClosedDates().isEmpty();
    boolean laterThanWallClock = due.isAfter(submittedAt.plus(target));
    boolean anotherDay = !due.atZone(customerZone).toLocalDate().equals(submittedAt.atZone(customerZone).toLocalDate());
    return new FirstResponseExpectation(due, calendar.name(), roundTheClock, calendar.zone(),
        openDays(calendar), !roundTheClock && laterThanWallClock && anotherDay, !calendar.isOpen(submittedAt));
  }

  /** {@code Monday to Friday}, {@code every day}, {@code Monday, Wednesday and Friday}. */
  static String openDays(BusinessCalendar calendar) {
    List<DayOfWeek> open = calendar.weeklyHours().entrySet().stream()
        .filter(day -> !day.getValue().isEmpty())
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
    if (open.size() == 7) {
      return "every day";
    }
    boolean consecutive = open.get(open.size() - 1).getValue() - open.get(0).getValue() == open.size() - 1;
    if (open.size() >= 3 && consecutive) {
      return name(open.get(0)) + " to " + name(open.get(open.size() - 1));
    }
    List<String> names = open.stream().map(FirstResponseExpectation::name).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  private static String name(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
