package org.slaescalation.businesstime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slaescalation.businesstime.TestCalendars.AMSTERDAM_24_7;
import static org.slaescalation.businesstime.TestCalendars.SUPPORT;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@link BusinessCalendar#plusBusinessDays}, the measure of the customer wait ({@code escalation.waiting.*}): the
 * same wall-clock time on the n-th following open date, moved into that day's hours. Each row worked out by hand on
 * the support calendar (Mon-Thu 08:30-12:00, 13:00-17:30, Fri until 16:00, Dutch holidays, closed 24 and 31 Dec).
 */
class BusinessDaysTest {

  static Stream<Arguments> rows() {
    return Stream.of(
        row("Thu 10:00 CET + 2 → Mon 10:00 CET: the weekend does not count", SUPPORT, "2027-03-04T09:00:00Z", 2,
            "2027-03-08T09:00:00Z"),
        row("Thu 10:00 CET + 5 → Thu 10:00 CET a week later", SUPPORT, "2027-03-04T09:00:00Z", 5,
            "2027-03-11T09:00:00Z"),
        row("Thu 17:00 CET + 1 → Fri 16:00 CET: Friday closes earlier, the last closing of the day",
            SUPPORT, "2027-03-04T16:00:00Z", 1, "2027-03-05T15:00:00Z"),
        row("Mon 12:30 CET (lunch) + 1 → Tue 13:00 CET: the next opening of the day", SUPPORT,
            "2027-03-01T11:30:00Z", 1, "2027-03-02T12:00:00Z"),
        row("Sat 11:00 CET + 1 → Mon 11:00 CET: a start on a closed day counts from the next open one", SUPPORT,
            "2027-03-06T10:00:00Z", 1, "2027-03-08T10:00:00Z"),
        row("Fri 26 Mar 2027 10:00 CET + 1 → Tue 30 Mar 10:00 CEST: Easter Monday closed, clocks went forward",
            SUPPORT, "2027-03-26T09:00:00Z", 1, "2027-03-30T08:00:00Z"),
        row("Wed 23 Dec 2026 10:00 + 1 → Mon 28 Dec: closed 24 Dec, Christmas 25 Dec", SUPPORT,
            "2026-12-23T09:00:00Z", 1, "2026-12-28T09:00:00Z"),
        row("Mon 07:00 CET + 1 → Tue 08:30 CET: before opening, the day's first opening", SUPPORT,
            "2027-03-01T06:00:00Z", 1, "2027-03-02T07:30:00Z"),
        row("24/7 Sat 27 Mar 2027 12:00 CET + 2 → Mon 12:00 CEST: calendar days, wall-clock time", AMSTERDAM_24_7,
            "2027-03-27T11:00:00Z", 2, "2027-03-29T10:00:00Z"),
        row("zero days is the start itself", SUPPORT, "2027-03-06T10:00:00Z", 0, "2027-03-06T10:00:00Z"));
  }

  private static Arguments row(String reason, BusinessCalendar calendar, String start, int days, String expected) {
    return Arguments.of(reason, calendar, Instant.parse(start), days, Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void plusBusinessDays(String reason, BusinessCalendar calendar, Instant start, int days, Instant expected) {
    assertThat(calendar.plusBusinessDays(start, days)).as(reason).isEqualTo(expected);
  }

  @Test
  void negativeDaysAndACalendarThatNeverOpensAreRefused() {
    assertThatThrownBy(() -> SUPPORT.plusBusinessDays(Instant.EPOCH, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("days must not be negative");
    BusinessCalendar never = BusinessCalendar.builder("never", ZoneId.of("UTC")).build();
    assertThatThrownBy(() -> never.plusBusinessDays(Instant.EPOCH, 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("opens on fewer than 1 days");
  }
}
