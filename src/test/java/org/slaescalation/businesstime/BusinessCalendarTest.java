package org.slaescalation.businesstime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slaescalation.businesstime.TestCalendars.SUPPORT;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Arguments, errors and the calendar's definition. */
class BusinessCalendarTest {

  private static final Instant TUESDAY_10_CET = Instant.parse("2027-01-12T09:00:00Z");

  private static final BusinessCalendar NEVER_OPEN = BusinessCalendar.builder("never", ZoneId.of("UTC")).build();

  @Test
  void rejectsNegativeBudget() {
    assertThatThrownBy(() -> SUPPORT.due(TUESDAY_10_CET, Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void rejectsReversedRange() {
    assertThatThrownBy(() -> SUPPORT.elapsed(TUESDAY_10_CET, TUESDAY_10_CET.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after");
  }

  @Test
  void calendarWithoutOpeningHoursIsNeverDueButZeroBudgetIs() {
    assertThatThrownBy(() -> NEVER_OPEN.due(TUESDAY_10_CET, Duration.ofHours(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'never' has no opening hours");
    assertThat(NEVER_OPEN.due(TUESDAY_10_CET, Duration.ZERO)).isEqualTo(TUESDAY_10_CET);
    assertThat(NEVER_OPEN.elapsed(TUESDAY_10_CET, TUESDAY_10_CET.plusSeconds(86_400))).isZero();
    assertThat(NEVER_OPEN.nextOpening(TUESDAY_10_CET)).isEmpty();
    assertThat(NEVER_OPEN.isOpen(TUESDAY_10_CET)).isFalse();
  }

  @Test
  void calendarWhoseEveryDayIsAHolidayGivesUpAfterTenYears() {
    HolidaySource everyDay = new HolidaySource() {
      @Override
      public boolean isHoliday(LocalDate date) {
        return true;
      }

      @Override
      public Set<LocalDate> holidays(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).collect(Collectors.toSet());
      }
    };
    BusinessCalendar alwaysHoliday = BusinessCalendar.builder("holidays", TestCalendars.AMSTERDAM)
        .hours(TestCalendars.WEEKDAYS, "09:00-17:00")
        .holidays(everyDay)
        .build();

    assertThatThrownBy(() -> alwaysHoliday.due(TUESDAY_10_CET, Duration.ofHours(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no open time in ten years");
    assertThat(alwaysHoliday.nextOpening(TUESDAY_10_CET)).isEmpty();
  }

  @Test
  void rejectsOverlappingIntervals() {
    assertThatThrownBy(() -> BusinessCalendar.builder("x", ZoneId.of("UTC"))
            .hours(DayOfWeek.MONDAY, "08:00-12:00", "11:00-13:00")
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MONDAY: opening intervals 08:00-12:00 and 11:00-13:00 overlap");
  }

  @Test
  void adjacentIntervalsCountAsOne() {
    BusinessCalendar split = BusinessCalendar.builder("split", ZoneId.of("UTC"))
        .hours(DayOfWeek.MONDAY, "12:00-24:00", "08:00-12:00")
        .build();
    Instant monday8 = Instant.parse("2027-01-11T08:00:00Z");

    assertThat(split.due(monday8, Duration.ofHours(16))).isEqualTo(Instant.parse("2027-01-12T00:00:00Z"));
    assertThat(split.weeklyHours().get(DayOfWeek.MONDAY)).extracting(OpeningInterval::toString)
        .containsExactly("08:00-12:00", "12:00-24:00");
  }

  @Test
  void exposesItsDefinition() {
    assertThat(SUPPORT.name()).isEqualTo("support");
    assertThat(SUPPORT.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(SUPPORT.weeklyOpenTime()).isEqualTo(Duration.parse("PT38H30M"));
    assertThat(SUPPORT.weeklyHours().get(DayOfWeek.SATURDAY)).isEmpty();
    assertThat(SUPPORT.extraClosedDates()).containsExactly(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-31"));
    assertThat(SUPPORT.holidaySource()).hasToString("NL");
  }

  @Test
  void twentyFourSevenIsAlwaysOpen() {
    BusinessCalendar always = BusinessCalendar.twentyFourSeven("24x7");

    assertThat(always.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(always.weeklyOpenTime()).isEqualTo(Duration.ofDays(7));
    assertThat(always.due(TUESDAY_10_CET, Duration.ofDays(400))).isEqualTo(TUESDAY_10_CET.plus(Duration.ofDays(400)));
    assertThat(always.nextOpening(TUESDAY_10_CET)).contains(TUESDAY_10_CET);
  }

  @Test
  void ofBuildsTheSameCalendarAsTheBuilder() {
    BusinessCalendar viaOf = BusinessCalendar.of("support", TestCalendars.AMSTERDAM,
        Map.of(DayOfWeek.FRIDAY, List.of(OpeningInterval.of(LocalTime.of(8, 30), LocalTime.of(12, 0)),
            OpeningInterval.of(LocalTime.of(13, 0), LocalTime.of(16, 0)))),
        HolidaySource.none(), List.of());
    Instant friday15 = Instant.parse("2027-01-15T14:00:00Z");

    assertThat(viaOf.due(friday15, Duration.ofHours(1))).isEqualTo(SUPPORT.due(friday15, Duration.ofHours(1)));
  }
}
