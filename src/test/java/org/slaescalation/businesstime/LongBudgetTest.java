package org.slaescalation.businesstime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Budgets of years: the answer must be exact, checked against a day-by-day walk that knows nothing clever. */
class LongBudgetTest {

  @ParameterizedTest(name = "support, {0} + {1}")
  @CsvSource({
      "2026-11-27T09:13:00Z, PT2000H",
      "2027-03-26T15:30:00Z, PT10000H",
      "2026-12-23T16:00:00.5Z, PT20000H",
      "2025-06-01T00:00:00Z, PT87600H"
  })
  void yearsOfSupportHoursAreExact(Instant start, Duration budget) {
    NaiveCalendar naive = new NaiveCalendar(TestCalendars.SUPPORT);

    Instant due = TestCalendars.SUPPORT.due(start, budget);

    assertThat(due).isEqualTo(naive.dueByDays(start, budget));
    assertThat(TestCalendars.SUPPORT.elapsed(start, due)).isEqualTo(budget);
  }

  @ParameterizedTest(name = "{0}: elapsed {1} → {2}")
  @CsvSource({
      "support,           2025-01-01T00:00:00Z, 2035-01-01T00:00:00Z",
      "engineering,       2026-03-29T00:30:00Z, 2031-10-26T01:30:00Z",
      "business-hours-us, 2025-01-01T00:00:00Z, 2035-01-01T00:00:00Z"
  })
  void tenYearsOfElapsedTimeAreExact(String name, Instant from, Instant to) {
    BusinessCalendar calendar = switch (name) {
      case "support" -> TestCalendars.SUPPORT;
      case "engineering" -> TestCalendars.ENGINEERING;
      default -> TestCalendars.US_OFFICE;
    };

    assertThat(calendar.elapsed(from, to)).isEqualTo(new NaiveCalendar(calendar).elapsedByDays(from, to));
  }

  @Test
  void fiveYearsOfBusinessHoursTakeMicrosecondsNotSeconds() {
    Instant start = Instant.parse("2027-01-04T08:00:00Z");
    Duration fiveWorkingYears = Duration.ofHours(5 * 1_700);
    long began = System.nanoTime();
    for (int i = 0; i < 1_000; i++) {
      TestCalendars.SUPPORT.due(start.plusSeconds(i * 600L), fiveWorkingYears);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aWalkAcrossThousandsOfYearsKeepsABoundedNumberOfYearTables() {
    // The calendar API refuses such ranges; the calendar itself must not keep a table per year walked either.
    BusinessCalendar calendar = BusinessCalendar.builder("bounded", java.time.ZoneId.of("Europe/Amsterdam"))
        .hours(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
            OpeningInterval.parse("09:00-17:00"))
        .build();

    Duration open = calendar.elapsed(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("4000-01-01T00:00:00Z"));

    assertThat(open).isPositive();
    assertThat(calendar.cachedYearTables()).isLessThanOrEqualTo(BusinessCalendar.CACHED_YEARS);
  }
}
