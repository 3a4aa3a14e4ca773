package org.slaescalation.businesstime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.businesstime.TestCalendars.AMSTERDAM_24_7;
import static org.slaescalation.businesstime.TestCalendars.AMSTERDAM_EARLY;
import static org.slaescalation.businesstime.TestCalendars.ENGINEERING;
import static org.slaescalation.businesstime.TestCalendars.NEW_YORK_EARLY;
import static org.slaescalation.businesstime.TestCalendars.NIGHT_SHIFT;
import static org.slaescalation.businesstime.TestCalendars.SUPPORT;
import static org.slaescalation.businesstime.TestCalendars.SYDNEY_EARLY;
import static org.slaescalation.businesstime.TestCalendars.SYDNEY_OFFICE;
import static org.slaescalation.businesstime.TestCalendars.US_OFFICE;
import static org.slaescalation.businesstime.TestCalendars.UTC_24_7;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract as tables: fixed UTC instants, each row with the reason in local time. CET = UTC+1, CEST = UTC+2
 * (EU summer time 2027: 28 March to 31 October); EST = UTC-5, EDT = UTC-4 (US 2027: 14 March to 7 November);
 * AEDT = UTC+11, AEST = UTC+10 (Sydney summer time ends 4 April 2027, starts 3 October 2027).
 */
class BusinessCalendarTableTest {

  static Stream<Arguments> dueDates() {
    return Stream.of(
        // inside hours, lunch break, closing time
        row("Tue 10:00 CET + 1h → Tue 11:00 CET, inside hours",
            SUPPORT, "2027-01-12T09:00:00Z", "PT1H", "2027-01-12T10:00:00Z"),
        row("Tue 07:00 CET + 30m → Tue 09:00 CET, counting starts at the 08:30 opening",
            SUPPORT, "2027-01-12T06:00:00Z", "PT30M", "2027-01-12T08:00:00Z"),
        row("Tue 11:30 CET + 1h → Tue 13:30 CET, lunch 12:00-13:00 does not count",
            SUPPORT, "2027-01-12T10:30:00Z", "PT1H", "2027-01-12T12:30:00Z"),
        row("Tue 11:00 CET + 1h → Tue 12:00 CET, runs out exactly at lunch: due at 12:00, not 13:00",
            SUPPORT, "2027-01-12T10:00:00Z", "PT1H", "2027-01-12T11:00:00Z"),
        row("Fri 15:00 CET + 1h → Fri 16:00 CET, runs out exactly at closing: due at closing, not Monday",
            SUPPORT, "2027-01-15T14:00:00Z", "PT1H", "2027-01-15T15:00:00Z"),
        row("Tue 10:00:00.5 CET + 0.25s → Tue 10:00:00.75 CET, nanosecond precision",
            SUPPORT, "2027-01-12T09:00:00.500Z", "PT0.25S", "2027-01-12T09:00:00.750Z"),
        // weekends
        row("Fri 15:00 CET + 2h → Mon 09:30 CET, 1h on Friday (closes 16:00), 1h on Monday",
            SUPPORT, "2027-01-15T14:00:00Z", "PT2H", "2027-01-18T08:30:00Z"),
        row("Fri 17:30 CET (after closing) + 1h → Mon 09:30 CET",
            SUPPORT, "2027-01-15T16:30:00Z", "PT1H", "2027-01-18T08:30:00Z"),
        row("Fri 16:30 CET + 2h → Tue 10:30 CEST: Easter Monday closed, clocks went forward on Sunday",
            SUPPORT, "2027-03-26T15:30:00Z", "PT2H", "2027-03-30T08:30:00Z"),
        row("Mon 10:00 CET + 38h30m (one week of support hours) → next Mon 10:00 CET",
            SUPPORT, "2027-01-11T09:00:00Z", "PT38H30M", "2027-01-18T09:00:00Z"),
        // zero budget
        row("Sat 13:00 CET + 0 → Sat 13:00 CET, a zero budget is due at the start even when closed",
            SUPPORT, "2027-01-16T12:00:00Z", "PT0S", "2027-01-16T12:00:00Z"),
        row("Tue 10:00 CET + 0 → Tue 10:00 CET, zero budget while open",
            SUPPORT, "2027-01-12T09:00:00Z", "PT0S", "2027-01-12T09:00:00Z"),
        // Dutch holidays and closed dates
        row("Mon 26 Apr 17:00 CEST + 1h → Wed 28 Apr 09:00 CEST, King's Day (Tue 27 Apr) closed",
            SUPPORT, "2027-04-26T15:00:00Z", "PT1H", "2027-04-28T07:00:00Z"),
        row("Fri 26 Mar 17:00 CET + 2h → Tue 30 Mar 10:00 CEST, Easter Monday closed (engineering 09:00-18:00)",
            ENGINEERING, "2027-03-26T16:00:00Z", "PT2H", "2027-03-30T08:00:00Z"),
        row("Tue 4 May 17:00 CEST + 1h → Fri 7 May 09:00 CEST, Liberation Day (5 May) and Ascension (6 May) closed",
            SUPPORT, "2027-05-04T15:00:00Z", "PT1H", "2027-05-07T07:00:00Z"),
        row("Fri 14 May 15:30 CEST + 1h → Tue 18 May 09:00 CEST, Whit Monday (17 May) closed",
            SUPPORT, "2027-05-14T13:30:00Z", "PT1H", "2027-05-18T07:00:00Z"),
        row("Thu 24 Dec 2026 17:00 CET + 2h → Mon 28 Dec 10:00 CET, Christmas (Fri 25 Dec) closed",
            ENGINEERING, "2026-12-24T16:00:00Z", "PT2H", "2026-12-28T09:00:00Z"),
        row("Wed 23 Dec 2026 17:00 CET + 1h → Mon 28 Dec 09:00 CET, closed date 24 Dec, Christmas 25 Dec",
            SUPPORT, "2026-12-23T16:00:00Z", "PT1H", "2026-12-28T08:00:00Z"),
        row("Wed 30 Dec 2026 17:00 CET + 1h → Mon 4 Jan 2027 09:00 CET, closed date 31 Dec, New Year 1 Jan",
            SUPPORT, "2026-12-30T16:00:00Z", "PT1H", "2027-01-04T08:00:00Z"),
        // US calendar with an observed holiday
        row("Fri 2 Jul 16:00 EDT + 2h → Tue 6 Jul 10:00 EDT, Independence Day observed Mon 5 Jul",
            US_OFFICE, "2027-07-02T20:00:00Z", "PT2H", "2027-07-06T14:00:00Z"),
        // overnight shift written as two intervals (22:00-24:00 and 00:00-06:00 the next day)
        row("Mon 23:00 CET + 3h → Tue 02:00 CET, night shift across midnight",
            NIGHT_SHIFT, "2027-01-11T22:00:00Z", "PT3H", "2027-01-12T01:00:00Z"),
        row("Fri 05:00 CET + 2h → Fri 23:00 CET, 1h until 06:00, then the next shift from 22:00",
            NIGHT_SHIFT, "2027-01-15T04:00:00Z", "PT2H", "2027-01-15T22:00:00Z"),
        row("Fri 23:30 CET + 4h → Sat 03:30 CET, the Friday night shift ends Saturday 06:00",
            NIGHT_SHIFT, "2027-01-15T22:30:00Z", "PT4H", "2027-01-16T02:30:00Z"),
        row("Sat 06:00 CET + 1h → Mon 23:00 CET, no shift on Saturday or Sunday night",
            NIGHT_SHIFT, "2027-01-16T05:00:00Z", "PT1H", "2027-01-18T22:00:00Z"),
        // EU DST, open 00:00-06:00 every day
        row("Sun 28 Mar 00:00 CET + 5h → Sun 06:00 CEST, spring forward: 00:00-06:00 lasts only 5h",
            AMSTERDAM_EARLY, "2027-03-27T23:00:00Z", "PT5H", "2027-03-28T04:00:00Z"),
        row("Sun 28 Mar 00:00 CET + 6h → Mon 01:00 CEST, the sixth hour is spent on Monday",
            AMSTERDAM_EARLY, "2027-03-27T23:00:00Z", "PT6H", "2027-03-28T23:00:00Z"),
        row("Sun 28 Mar 01:30 CET + 1h → Sun 03:30 CEST, 02:00-03:00 does not exist",
            AMSTERDAM_EARLY, "2027-03-28T00:30:00Z", "PT1H", "2027-03-28T01:30:00Z"),
        row("Sun 31 Oct 00:00 CEST + 7h → Sun 06:00 CET, fall back: 00:00-06:00 lasts 7h",
            AMSTERDAM_EARLY, "2027-10-30T22:00:00Z", "PT7H", "2027-10-31T05:00:00Z"),
        row("Sun 31 Oct 02:30 CEST + 1h → Sun 02:30 CET, the hour 02:00-03:00 happens twice",
            AMSTERDAM_EARLY, "2027-10-31T00:30:00Z", "PT1H", "2027-10-31T01:30:00Z"),
        row("Sat 27 Mar 13:00 CET + P2D → Mon 29 Mar 14:00 CEST, always open: P2D is 48 hours, not two dates",
            AMSTERDAM_24_7, "2027-03-27T12:00:00Z", "P2D", "2027-03-29T12:00:00Z"),
        // US DST, open 00:00-06:00 every day
        row("Sun 14 Mar 00:00 EST + 5h → Sun 06:00 EDT, US spring forward: 00:00-06:00 lasts 5h",
            NEW_YORK_EARLY, "2027-03-14T05:00:00Z", "PT5H", "2027-03-14T10:00:00Z"),
        row("Sun 14 Mar 00:00 EST + 6h → Mon 01:00 EDT",
            NEW_YORK_EARLY, "2027-03-14T05:00:00Z", "PT6H", "2027-03-15T05:00:00Z"),
        row("Sun 7 Nov 00:00 EDT + 7h → Sun 06:00 EST, US fall back: 00:00-06:00 lasts 7h",
            NEW_YORK_EARLY, "2027-11-07T04:00:00Z", "PT7H", "2027-11-07T11:00:00Z"),
        row("Sun 7 Nov 01:30 EDT + 1h → Sun 01:30 EST, the hour 01:00-02:00 happens twice",
            NEW_YORK_EARLY, "2027-11-07T05:30:00Z", "PT1H", "2027-11-07T06:30:00Z"),
        // southern hemisphere
        row("Fri 15 Jan 16:00 AEDT + 2h → Mon 18 Jan 10:00 AEDT, summer in Sydney",
            SYDNEY_OFFICE, "2027-01-15T05:00:00Z", "PT2H", "2027-01-17T23:00:00Z"),
        row("Fri 16 Jul 16:00 AEST + 2h → Mon 19 Jul 10:00 AEST, winter in Sydney",
            SYDNEY_OFFICE, "2027-07-16T06:00:00Z", "PT2H", "2027-07-19T00:00:00Z"),
        row("Sun 4 Apr 00:00 AEDT + 7h → Sun 06:00 AEST, Sydney falls back in April",
            SYDNEY_EARLY, "2027-04-03T13:00:00Z", "PT7H", "2027-04-03T20:00:00Z"),
        row("Sun 3 Oct 00:00 AEST + 5h → Sun 06:00 AEDT, Sydney springs forward in October",
            SYDNEY_EARLY, "2027-10-02T14:00:00Z", "PT5H", "2027-10-02T19:00:00Z"),
        // 24/7
        row("24x7: Fri 16:00 UTC + P2D → Sun 16:00 UTC",
            UTC_24_7, "2027-03-26T16:00:00Z", "P2D", "2027-03-28T16:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dueDates")
  void due(String reason, BusinessCalendar calendar, Instant start, Duration budget, Instant expected) {
    assertThat(calendar.due(start, budget)).isEqualTo(expected);
    assertThat(calendar.elapsed(start, expected)).as("elapsed(start, due)").isEqualTo(budget);
  }

  static Stream<Arguments> elapsedTimes() {
    return Stream.of(
        span("Fri 15:00 CET → Mon 09:30 CET: 1h Friday + 1h Monday",
            SUPPORT, "2027-01-15T14:00:00Z", "2027-01-18T08:30:00Z", "PT2H"),
        span("Tue 11:30 → 13:30 CET: 1h, the lunch hour does not count",
            SUPPORT, "2027-01-12T10:30:00Z", "2027-01-12T12:30:00Z", "PT1H"),
        span("a whole Tuesday: 3h30m + 4h30m",
            SUPPORT, "2027-01-11T23:00:00Z", "2027-01-12T23:00:00Z", "PT8H"),
        span("a whole week: 4 × 8h + 6h30m",
            SUPPORT, "2027-01-10T23:00:00Z", "2027-01-17T23:00:00Z", "PT38H30M"),
        span("the week of King's Day: 38h30m − 8h",
            SUPPORT, "2027-04-25T22:00:00Z", "2027-05-02T22:00:00Z", "PT30H30M"),
        span("King's Day (Tue 27 Apr 2027) is closed",
            SUPPORT, "2027-04-26T22:00:00Z", "2027-04-27T22:00:00Z", "PT0S"),
        span("the closed date 24 Dec 2026 is closed",
            SUPPORT, "2026-12-23T23:00:00Z", "2026-12-24T23:00:00Z", "PT0S"),
        span("an empty range",
            SUPPORT, "2027-01-12T09:00:00Z", "2027-01-12T09:00:00Z", "PT0S"),
        span("Sun 28 Mar (spring forward), open 00:00-06:00: 5h",
            AMSTERDAM_EARLY, "2027-03-27T23:00:00Z", "2027-03-28T22:00:00Z", "PT5H"),
        span("Sun 31 Oct (fall back), open 00:00-06:00: 7h",
            AMSTERDAM_EARLY, "2027-10-30T22:00:00Z", "2027-10-31T23:00:00Z", "PT7H"),
        span("Sun 28 Mar, open round the clock: the local day has 23h",
            AMSTERDAM_24_7, "2027-03-27T23:00:00Z", "2027-03-28T22:00:00Z", "PT23H"),
        span("Sun 31 Oct, open round the clock: the local day has 25h",
            AMSTERDAM_24_7, "2027-10-30T22:00:00Z", "2027-10-31T23:00:00Z", "PT25H"),
        span("Sun 14 Mar (US spring forward), open 00:00-06:00: 5h",
            NEW_YORK_EARLY, "2027-03-14T05:00:00Z", "2027-03-15T04:00:00Z", "PT5H"),
        span("Sun 7 Nov (US fall back), open 00:00-06:00: 7h",
            NEW_YORK_EARLY, "2027-11-07T04:00:00Z", "2027-11-08T05:00:00Z", "PT7H"),
        span("Mon 22:00 CET → Tue 06:00 CET: the whole night shift, 8h",
            NIGHT_SHIFT, "2027-01-11T21:00:00Z", "2027-01-12T05:00:00Z", "PT8H"),
        span("Sat 3 Apr 00:00 AEDT → Mon 5 Apr 00:00 AEST: 6h Saturday + 7h Sunday, Sydney falls back",
            SYDNEY_EARLY, "2027-04-02T13:00:00Z", "2027-04-04T14:00:00Z", "PT13H"),
        span("partial seconds at both ends: 0.5s + 1s + 0.25s",
            SUPPORT, "2027-01-12T09:00:00.500Z", "2027-01-12T09:00:02.250Z", "PT1.75S"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elapsedTimes")
  void elapsed(String reason, BusinessCalendar calendar, Instant from, Instant to, Duration expected) {
    assertThat(calendar.elapsed(from, to)).isEqualTo(expected);
  }

  static Stream<Arguments> openness() {
    return Stream.of(
        row("Tue 08:30 CET: opening time is open", SUPPORT, "2027-01-12T07:30:00Z", true),
        row("Tue 08:29:59 CET: closed", SUPPORT, "2027-01-12T07:29:59Z", false),
        row("Tue 11:59:59 CET: open", SUPPORT, "2027-01-12T10:59:59Z", true),
        row("Tue 12:00 CET: closing time is closed", SUPPORT, "2027-01-12T11:00:00Z", false),
        row("Tue 12:30 CET: lunch", SUPPORT, "2027-01-12T11:30:00Z", false),
        row("Sat 10:00 CET: weekend", SUPPORT, "2027-01-16T09:00:00Z", false),
        row("Tue 27 Apr 10:00 CEST: King's Day", SUPPORT, "2027-04-27T08:00:00Z", false),
        row("Thu 24 Dec 2026 10:00 CET: closed date", SUPPORT, "2026-12-24T09:00:00Z", false),
        row("Tue 00:30 CET: night shift after midnight", NIGHT_SHIFT, "2027-01-11T23:30:00Z", true),
        row("Sun 28 Mar 03:00 CEST: just after the missing hour", AMSTERDAM_EARLY, "2027-03-28T01:00:00Z", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openness")
  void isOpen(String reason, BusinessCalendar calendar, Instant instant, boolean expected) {
    assertThat(calendar.isOpen(instant)).isEqualTo(expected);
  }

  static Stream<Arguments> nextOpenings() {
    BusinessCalendar opensInTheGap = BusinessCalendar.builder("gap", TestCalendars.AMSTERDAM)
        .hours(TestCalendars.EVERY_DAY, "02:30-06:00")
        .build();
    return Stream.of(
        row("open: the instant itself", SUPPORT, "2027-01-12T09:00:00.123Z", "2027-01-12T09:00:00.123Z"),
        row("Tue 12:30 CET (lunch) → 13:00 CET", SUPPORT, "2027-01-12T11:30:00Z", "2027-01-12T12:00:00Z"),
        row("Fri 17:30 CET → Mon 08:30 CET", SUPPORT, "2027-01-15T16:30:00Z", "2027-01-18T07:30:00Z"),
        row("Mon 26 Apr 18:00 CEST → Wed 28 Apr 08:30 CEST, King's Day", SUPPORT,
            "2027-04-26T16:00:00Z", "2027-04-28T06:30:00Z"),
        row("opening 02:30 in the missing hour of 28 Mar → opens at 03:00 CEST", opensInTheGap,
            "2027-03-27T23:00:00Z", "2027-03-28T01:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nextOpenings")
  void nextOpening(String reason, BusinessCalendar calendar, Instant instant, Instant expected) {
    assertThat(calendar.nextOpening(instant)).contains(expected);
  }

  static Stream<Arguments> closedDates() {
    return Stream.of(
        row("support 2027: Dutch public holidays (not Good Friday, an observance)", SUPPORT, 2027,
            List.of("2027-01-01", "2027-03-28", "2027-03-29", "2027-04-27", "2027-05-05", "2027-05-06",
                "2027-05-16", "2027-05-17", "2027-12-25", "2027-12-26")),
        row("support 2026: holidays plus the closed dates 24 and 31 Dec", SUPPORT, 2026,
            List.of("2026-01-01", "2026-04-05", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14",
                "2026-05-24", "2026-05-25", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31")),
        row("US 2027: observed dates, including New Year 2028 observed on Fri 31 Dec 2027", US_OFFICE, 2027,
            List.of("2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
                "2027-09-06", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31")),
        row("24x7 has none", UTC_24_7, 2027, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("closedDates")
  void closedDates(String reason, BusinessCalendar calendar, int year, List<String> expected) {
    assertThat(calendar.closedDates(year)).containsExactlyElementsOf(expected.stream().map(LocalDate::parse).toList());
  }

  private static Arguments row(String reason, BusinessCalendar calendar, String start, String budget, String due) {
    return Arguments.of(reason, calendar, Instant.parse(start), Duration.parse(budget), Instant.parse(due));
  }

  private static Arguments span(String reason, BusinessCalendar calendar, String from, String to, String elapsed) {
    return Arguments.of(reason, calendar, Instant.parse(from), Instant.parse(to), Duration.parse(elapsed));
  }

  private static Arguments row(String reason, BusinessCalendar calendar, String instant, boolean open) {
    return Arguments.of(reason, calendar, Instant.parse(instant), open);
  }

  private static Arguments row(String reason, BusinessCalendar calendar, String instant, String expected) {
    return Arguments.of(reason, calendar, Instant.parse(instant), Instant.parse(expected));
  }

  private static Arguments row(String reason, BusinessCalendar calendar, int year, List<String> dates) {
    return Arguments.of(reason, calendar, year, dates);
  }
}
