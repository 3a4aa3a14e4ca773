package org.slaescalation.calendar;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.businesstime.OpeningInterval;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets operators check a calendar and integrators ask "when is this due?". Instants are ISO-8601 UTC, durations
 * ISO-8601 ({@code P2D} is 48 hours of business time). Errors are RFC 7807 problem details; a bad parameter is named
 * in {@code detail} and in the {@code parameter} property.
 */
@RestController
@RequestMapping(path = "/api/calendars", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarController {

  private static final int FIRST_YEAR = 1900;
  private static final int LAST_YEAR = 2200;
  private static final Instant FIRST_INSTANT = Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z");
  private static final Instant END_INSTANT = Instant.parse((LAST_YEAR + 1) + "-01-01T00:00:00Z");
  /** The longest budget the API computes: 20 years of 365.25 days, far beyond any SLA. */
  static final Duration MAX_DURATION = Duration.ofDays(7_305);

  private final BusinessCalendars calendars;

  CalendarController(BusinessCalendars calendars) {
    this.calendars = calendars;
  }

  @GetMapping
  SortedSet<String> names() {
    return calendars.names();
  }

  @GetMapping("/{name}")
  CalendarView definition(@PathVariable String name) {
    BusinessCalendar calendar = calendars.get(name);
    Map<DayOfWeek, List<String>> hours = new LinkedHashMap<>();
    calendar.weeklyHours().forEach((day, intervals) -> {
      if (!intervals.isEmpty()) {
        hours.put(day, intervals.stream().map(OpeningInterval::toString).toList());
      }
    });
    String holidays = calendar.holidaySource().toString();
    return new CalendarView(
        calendar.name(),
        calendar.zone().getId(),
        "none".equals(holidays) ? null : holidays,
        calendar.extraClosedDates().stream().map(LocalDate::toString).toList(),
        hours,
        calendar.weeklyOpenTime().toString());
  }

  @GetMapping("/{name}/due")
  DueView due(
      @PathVariable String name,
      @RequestParam(required = false) String start,
      @RequestParam(required = false) String duration) {
    BusinessCalendar calendar = calendars.get(name);
    Instant startInstant = instant("start", start);
    Duration budget = duration("duration", duration);
    if (budget.isNegative()) {
      throw new BadParameterException("duration", "must not be negative, got '" + duration + "'");
    }
    Instant due = calendar.due(startInstant, budget);
    return new DueView(
        calendar.name(),
        startInstant.toString(),
        budget.toString(),
        due.toString(),
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(due.atZone(calendar.zone()).toOffsetDateTime()),
        calendar.zone().getId());
  }

  @GetMapping("/{name}/elapsed")
  ElapsedView elapsed(
      @PathVariable String name,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    BusinessCalendar calendar = calendars.get(name);
    Instant fromInstant = instant("from", from);
    Instant toInstant = instant("to", to);
    if (fromInstant.isAfter(toInstant)) {
      throw new BadParameterException("from", "must not be after 'to' (" + toInstant + "), got '" + from + "'");
    }
    return new ElapsedView(
        calendar.name(), fromInstant.toString(), toInstant.toString(),
        calendar.elapsed(fromInstant, toInstant).toString());
  }

  @GetMapping("/{name}/closed-dates")
  List<String> closedDates(@PathVariable String name, @RequestParam(required = false) String year) {
    BusinessCalendar calendar = calendars.get(name);
    return calendar.closedDates(year(year)).stream().map(LocalDate::toString).toList();
  }

  @ExceptionHandler(UnknownCalendarException.class)
  ProblemDetail unknownCalendar(UnknownCalendarException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, capitalize(e.getMessage()));
    problem.setTitle("Unknown calendar");
    problem.setType(URI.create("urn:problem:sla-escalation:unknown-calendar"));
    problem.setProperty("calendar", e.name());
    return problem;
  }

  @ExceptionHandler(BadParameterException.class)
  ProblemDetail badParameter(BadParameterException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid request parameter");
    problem.setType(URI.create("urn:problem:sla-escalation:invalid-parameter"));
    problem.setProperty("parameter", e.parameter);
    return problem;
  }

  /** A calendar whose budget can never be spent (no open time for ten years): not the caller's fault alone. */
  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail neverDue(IllegalStateException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Not computable on this calendar");
    return problem;
  }

  /** An instant of the years the API computes, 1900 to 2200: the work of a request is bounded by its range. */
  private static Instant instant(String parameter, String value) {
    required(parameter, value);
    Instant instant;
    try {
      instant = Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadParameterException(parameter,
          "must be an ISO-8601 UTC instant such as 2027-03-26T16:00:00Z, got '" + value + "'");
    }
    if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_INSTANT)) {
      throw new BadParameterException(parameter,
          "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR + ", got '" + value + "'");
    }
    return instant;
  }

  private static Duration duration(String parameter, String value) {
    required(parameter, value);
    Duration duration;
    try {
      duration = Duration.parse(value.strip());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new BadParameterException(parameter,
          "must be an ISO-8601 duration such as PT8H30M or P2D (48 hours), got '" + value + "'");
    }
    if (duration.compareTo(MAX_DURATION) > 0) {
      throw new BadParameterException(parameter, "must be at most 20 years (P" + MAX_DURATION.toDays() + "D), got '"
          + value + "'");
    }
    return duration;
  }

  private static int year(String value) {
    required("year", value);
    try {
      int year = Integer.parseInt(value.strip());
      if (year >= FIRST_YEAR && year <= LAST_YEAR) {
        return year;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadParameterException("year",
        "must be a year (yyyy) from " + FIRST_YEAR + " to " + LAST_YEAR + ", got '" + value + "'");
  }

  private static void required(String parameter, String value) {
    if (value == null || value.isBlank()) {
      throw new BadParameterException(parameter, "is required");
    }
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The calendar's definition, normalised: only open weekdays, intervals as {@code HH:mm-HH:mm}. */
  record CalendarView(
      String name, String zone, String holidays, List<String> closedDates, Map<DayOfWeek, List<String>> weeklyHours,
      String weeklyOpenTime) {}

  record DueView(String calendar, String start, String duration, String due, String dueLocal, String zone) {}

  record ElapsedView(String calendar, String from, String to, String duration) {}

  static final class BadParameterException extends RuntimeException {

    private final String parameter;

    BadParameterException(String parameter, String problem) {
      super("Parameter '" + parameter + "' " + problem);
      this.parameter = parameter;
    }
  }
}
