package org.slaescalation.businesstime;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/** Calendars shaped like the shipped ones, built without Spring. */
final class TestCalendars {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
  static final Set<DayOfWeek> MONDAY_TO_THURSDAY = EnumSet.range(MONDAY, THURSDAY);
  static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(MONDAY, FRIDAY);
  static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

  private static final JollydayHolidaySource NL = JollydayHolidaySource.of("NL");

  /** Support: Dutch office hours with a lunch break, Dutch holidays, closed on 24 and 31 December 2026. */
  static final BusinessCalendar SUPPORT = BusinessCalendar.builder("support", AMSTERDAM)
      .hours(MONDAY_TO_THURSDAY, "08:30-12:00", "13:00-17:30")
      .hours(FRIDAY, "08:30-12:00", "13:00-16:00")
      .holidays(NL)
      .closedDates(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-31"))
      .build();

  /** Engineering: Dutch office hours without a lunch break, Dutch holidays. */
  static final BusinessCalendar ENGINEERING = BusinessCalendar.builder("engineering", AMSTERDAM)
      .hours(WEEKDAYS, "09:00-18:00")
      .holidays(NL)
      .build();

  /** A night shift in Amsterdam, written as two intervals per night: Mon-Fri 22:00 until 06:00 the next morning. */
  static final BusinessCalendar NIGHT_SHIFT = BusinessCalendar.builder("night-shift", AMSTERDAM)
      .hours(WEEKDAYS, "22:00-24:00")
      .hours(EnumSet.of(TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY), "00:00-06:00")
      .build();

  /** Open 00:00-06:00 every day in Amsterdam, so both EU DST switches fall inside opening hours. */
  static final BusinessCalendar AMSTERDAM_EARLY = BusinessCalendar.builder("amsterdam-early", AMSTERDAM)
      .hours(EVERY_DAY, "00:00-06:00")
      .build();

  /** Open 00:00-06:00 every day in New York, so both US DST switches fall inside opening hours. */
  static final BusinessCalendar NEW_YORK_EARLY = BusinessCalendar.builder("new-york-early", NEW_YORK)
      .hours(EVERY_DAY, "00:00-06:00")
      .build();

  /** Round the clock in Amsterdam wall-clock time: DST days are 23 and 25 hours long. */
  static final BusinessCalendar AMSTERDAM_24_7 = BusinessCalendar.builder("amsterdam-24x7", AMSTERDAM)
      .hours(EVERY_DAY, "00:00-24:00")
      .build();

  /** US office hours in New York with federal holidays. */
  static final BusinessCalendar US_OFFICE = BusinessCalendar.builder("business-hours-us", NEW_YORK)
      .hours(WEEKDAYS, "09:00-17:00")
      .holidays(JollydayHolidaySource.of("US"))
      .build();

  /** Office hours in Sydney, where summer time runs from October to April. */
  static final BusinessCalendar SYDNEY_OFFICE = BusinessCalendar.builder("sydney", SYDNEY)
      .hours(WEEKDAYS, "09:00-17:00")
      .build();

  /** Open 00:00-06:00 every day in Sydney, so both southern-hemisphere DST switches fall inside opening hours. */
  static final BusinessCalendar SYDNEY_EARLY = BusinessCalendar.builder("sydney-early", SYDNEY)
      .hours(EVERY_DAY, "00:00-06:00")
      .build();

  static final BusinessCalendar UTC_24_7 = BusinessCalendar.twentyFourSeven("24x7");

  private TestCalendars() {}
}
