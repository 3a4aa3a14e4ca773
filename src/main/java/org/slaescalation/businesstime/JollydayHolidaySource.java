package org.slaescalation.businesstime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Public holidays of a country, optionally of one of its subdivisions, from jollyday.
 *
 * <p>Only jollyday's {@link HolidayType#PUBLIC_HOLIDAY public holidays} count; observances (such as Good Friday in the
 * Netherlands) do not. A holiday counts on the day it is observed: when the 4th of July falls on a Sunday, the US
 * calendar is closed on Monday the 5th. Results are cached per year (a bounded number of years).
 */
public final class JollydayHolidaySource implements HolidaySource {

  private final String country;
  private final String subdivision;
  private final HolidayManager manager;
  private final Cache<Integer, Set<LocalDate>> observedByYear =
      Caffeine.newBuilder().maximumSize(BusinessCalendar.CACHED_YEARS).build();
  private final Cache<Integer, Set<LocalDate>> holidaysByYear =
      Caffeine.newBuilder().maximumSize(BusinessCalendar.CACHED_YEARS).build();

  private JollydayHolidaySource(String country, String subdivision) {
    this.country = country;
    this.subdivision = subdivision;
    this.manager = HolidayManager.getInstance(ManagerParameters.create(country));
    if (subdivision != null) {
      Map<String, CalendarHierarchy> children = manager.getCalendarHierarchy().getChildren();
      if (!children.containsKey(subdivision)) {
        throw new IllegalArgumentException(
            "unknown subdivision '" + subdivision.toUpperCase(Locale.ROOT) + "' of country " + country
                + "; known subdivisions: "
                + (children.isEmpty()
                    ? "none, use the country code alone"
                    : new TreeSet<>(children.keySet()).toString().toUpperCase(Locale.ROOT)));
      }
    }
  }

  /**
   * Holidays of a country or subdivision written as {@code "NL"}, {@code "US-NY"} or {@code "US_NY"}
   * (ISO 3166-1 alpha-2 country code, optionally a dash and jollyday's subdivision code; case-insensitive).
   *
   * @throws IllegalArgumentException if jollyday knows no such country or subdivision
   */
  public static JollydayHolidaySource of(String code) {
    Objects.requireNonNull(code, "code");
    String trimmed = code.strip();
    int separator = indexOfSeparator(trimmed);
    return separator < 0
        ? of(trimmed, null)
        : of(trimmed.substring(0, separator), trimmed.substring(separator + 1));
  }

  /**
   * Holidays of a country and, if {@code subdivision} is not null or blank, one of its subdivisions.
   *
   * @throws IllegalArgumentException if jollyday knows no such country or subdivision
   */
  public static JollydayHolidaySource of(String country, String subdivision) {
    Objects.requireNonNull(country, "country");
    String countryCode = country.strip().toUpperCase(Locale.ROOT);
    if (countryCode.isEmpty() || !HolidayManager.getSupportedCalendarCodes().contains(countryCode)) {
      throw new IllegalArgumentException(
          "unknown holiday country '" + country + "'; use an ISO 3166-1 alpha-2 code that jollyday knows, such as NL,"
              + " DE, US or GB, optionally with a subdivision such as US-NY");
    }
    String subdivisionCode =
        subdivision == null || subdivision.isBlank() ? null : subdivision.strip().toLowerCase(Locale.ROOT);
    return new JollydayHolidaySource(countryCode, subdivisionCode);
  }

  private static int indexOfSeparator(String code) {
    int dash = code.indexOf('-');
    return dash >= 0 ? dash : code.indexOf('_');
  }

  /** The country code, e.g. {@code NL}. */
  public String country() {
    return country;
  }

  /** The subdivision code in upper case, or empty. */
  public Optional<String> subdivision() {
    return Optional.ofNullable(subdivision).map(s -> s.toUpperCase(Locale.ROOT));
  }

  @Override
  public boolean isHoliday(LocalDate date) {
    return holidays(date.getYear()).contains(date);
  }

  @Override
  public Set<LocalDate> holidays(int year) {
    return holidaysByYear.get(year, this::computeHolidays);
  }

  /** The observed dates of a jollyday year can spill into the neighbouring years (New Year observed on 31 Dec). */
  private Set<LocalDate> computeHolidays(int year) {
    Set<LocalDate> result = new TreeSet<>();
    for (int y = year - 1; y <= year + 1; y++) {
      for (LocalDate date : observed(y)) {
        if (date.getYear() == year) {
          result.add(date);
        }
      }
    }
    return Collections.unmodifiableSet(result);
  }

  private Set<LocalDate> observed(int year) {
    return observedByYear.get(year, y -> {
      Set<LocalDate> dates = new TreeSet<>();
      Set<Holiday> holidays = subdivision == null
          ? manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY)
          : manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, subdivision);
      for (Holiday holiday : holidays) {
        dates.add(holiday.getDate());
      }
      return dates;
    });
  }

  /** The code this source was made from, e.g. {@code NL} or {@code US-NY}. */
  @Override
  public String toString() {
    return subdivision == null ? country : country + "-" + subdivision.toUpperCase(Locale.ROOT);
  }
}
