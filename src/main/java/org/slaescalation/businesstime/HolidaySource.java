package org.slaescalation.businesstime;

import java.time.LocalDate;
import java.util.Set;

/**
 * The public holidays a {@link BusinessCalendar} is closed on.
 *
 * <p>Implementations must be thread-safe and consistent: {@code isHoliday(d)} is true exactly when
 * {@code holidays(d.getYear())} contains {@code d}.
 */
public interface HolidaySource {

  /** Whether the local date is a holiday. */
  boolean isHoliday(LocalDate date);

  /** The holidays that fall in the given year (each date's year is {@code year}). */
  Set<LocalDate> holidays(int year);

  /** A source without holidays. */
  static HolidaySource none() {
    return NoHolidays.INSTANCE;
  }

  /** A source with a fixed set of dates, for tests and one-off calendars. */
  static HolidaySource of(Set<LocalDate> dates) {
    return new FixedHolidays(dates);
  }
}
