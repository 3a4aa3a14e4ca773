package org.slaescalation.businesstime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * A slow but obviously right reading of the contract, independent of {@link BusinessCalendar}'s algorithm: it asks
 * {@code java.time} for the wall-clock time of each instant and steps minute by minute (or day by day).
 */
final class NaiveCalendar {

  private final BusinessCalendar definition;

  NaiveCalendar(BusinessCalendar definition) {
    this.definition = definition;
  }

  boolean isOpen(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, definition.zone());
    LocalDate date = local.toLocalDate();
    if (isClosedDate(date)) {
      return false;
    }
    int secondOfDay = local.toLocalTime().toSecondOfDay();
    return definition.weeklyHours().get(date.getDayOfWeek()).stream()
        .anyMatch(i -> i.openSecondOfDay() <= secondOfDay && secondOfDay < i.closeSecondOfDay());
  }

  private boolean isClosedDate(LocalDate date) {
    return definition.holidaySource().isHoliday(date) || definition.extraClosedDates().contains(date);
  }

  /** Due date by stepping whole minutes; exact when start and budget are whole minutes (all boundaries are). */
  Instant dueByMinutes(Instant start, Duration budget) {
    long minutes = budget.toMinutes();
    Instant t = start;
    while (minutes > 0) {
      if (isOpen(t)) {
        minutes--;
      }
      t = t.plus(Duration.ofMinutes(1));
    }
    return t;
  }

  /**
   * Due date by walking local dates and their intervals, each turned into instants with {@link ZonedDateTime}. Exact
   * for calendars whose interval boundaries never fall into a DST gap or overlap (office hours).
   */
  Instant dueByDays(Instant start, Duration budget) {
    Duration remaining = budget;
    for (LocalDate date = LocalDate.ofInstant(start, definition.zone()).minusDays(1); ; date = date.plusDays(1)) {
      if (isClosedDate(date)) {
        continue;
      }
      for (OpeningInterval interval : definition.weeklyHours().get(date.getDayOfWeek())) {
        Instant open = ZonedDateTime.of(date, interval.open(), definition.zone()).toInstant();
        Instant close = interval.closesAtEndOfDay()
            ? date.plusDays(1).atStartOfDay(definition.zone()).toInstant()
            : ZonedDateTime.of(date, interval.close(), definition.zone()).toInstant();
        if (!close.isAfter(start)) {
          continue;
        }
        Instant from = open.isBefore(start) ? start : open;
        Duration length = Duration.between(from, close);
        if (remaining.compareTo(length) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(length);
      }
    }
  }

  /** Open time in {@code [from, to)} by walking local dates, with the same caveat as {@link #dueByDays}. */
  Duration elapsedByDays(Instant from, Instant to) {
    Duration sum = Duration.ZERO;
    LocalDate last = LocalDate.ofInstant(to, definition.zone()).plusDays(1);
    for (LocalDate date = LocalDate.ofInstant(from, definition.zone()).minusDays(1); !date.isAfter(last);
        date = date.plusDays(1)) {
      if (isClosedDate(date)) {
        continue;
      }
      for (OpeningInterval interval : definition.weeklyHours().get(date.getDayOfWeek())) {
        Instant open = ZonedDateTime.of(date, interval.open(), definition.zone()).toInstant();
        Instant close = interval.closesAtEndOfDay()
            ? date.plusDays(1).atStartOfDay(definition.zone()).toInstant()
            : ZonedDateTime.of(date, interval.close(), definition.zone()).toInstant();
        Instant a = open.isBefore(from) ? from : open;
        Instant b = close.isAfter(to) ? to : close;
        if (a.isBefore(b)) {
          sum = sum.plus(Duration.between(a, b));
        }
      }
    }
    return sum;
  }
}
