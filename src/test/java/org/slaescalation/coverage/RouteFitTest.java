package org.slaescalation.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slaescalation.businesstime.BusinessCalendar;

/**
 * The definition of "fit", with margins computed by hand on small UTC calendars. 1 March 2027 is a Monday.
 *
 * <ul>
 *   <li>{@code office}: Monday to Friday 09:00-17:00 UTC (8 h a day);
 *   <li>{@code roundTheClock}: always open.
 * </ul>
 */
class RouteFitTest {

  private static final BusinessCalendar OFFICE = BusinessCalendar.builder("office", ZoneOffset.UTC)
      .hours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "09:00-17:00")
      .build();
  private static final BusinessCalendar ROUND_THE_CLOCK = BusinessCalendar.twentyFourSeven("round-the-clock");

  /** Every 30 minutes of the week Monday 1 to Sunday 7 March 2027. */
  private static final List<Instant> WEEK = Stream.iterate(Instant.parse("2027-03-01T00:00:00Z"),
      t -> t.isBefore(Instant.parse("2027-03-08T00:00:00Z")), t -> t.plus(Duration.ofMinutes(30))).toList();

  private static OlaLeg leg(String team, String budget, BusinessCalendar calendar) {
    return new OlaLeg(team, Duration.parse(budget), calendar);
  }

  /**
   * Office-hour OLAs of 2 h + 3 h against an 8 h office-hour SLA: both clocks count the same hours, so from any
   * start the route uses 5 of the 8 hours: 3 h to spare, whenever the ticket comes.
   */
  @Test
  void aRouteOnTheSlaCalendarHasTheSameMarginFromEveryStart() {
    List<OlaLeg> route = List.of(leg("support", "PT2H", OFFICE), leg("engineering", "PT3H", OFFICE));

    RouteFit.Result result = RouteFit.of(route, OFFICE, WEEK).against(Duration.ofHours(8));

    assertThat(result.fits()).isTrue();
    assertThat(result.margin()).isEqualTo(Duration.ofHours(3));
  }

  /**
   * Round-the-clock OLAs of 1 h + 2 h against a 4 h round-the-clock SLA: 1 h to spare. The same route against
   * 2 h does not fit: it ends 1 h late, margin -1 h (the first start of the week is the worst, all are equal).
   */
  @Test
  void aRouteLongerThanTheTargetHasANegativeMargin() {
    List<OlaLeg> route = List.of(leg("support", "PT1H", ROUND_THE_CLOCK), leg("sysadmin", "PT2H", ROUND_THE_CLOCK));
    RouteFit fit = RouteFit.of(route, ROUND_THE_CLOCK, WEEK);

    assertThat(fit.against(Duration.ofHours(4))).isEqualTo(
        new RouteFit.Result(Duration.ofHours(1), Instant.parse("2027-03-01T00:00:00Z"), true));
    assertThat(fit.against(Duration.ofHours(2))).isEqualTo(
        new RouteFit.Result(Duration.ofHours(-1), Instant.parse("2027-03-01T00:00:00Z"), false));
    assertThat(RouteFit.format(Duration.ofMinutes(-90))).isEqualTo("-PT1H30M");
  }

  /**
   * An office-hour OLA of 2 h against a round-the-clock SLA of 4 h fits during the week (a ticket at Monday
   * 09:00 is handled by 11:00, 2 h to spare) but not over the weekend: a ticket at Friday 15:30 gets 1 h 30 min
   * on Friday and the last 30 min on Monday, 09:30, while the SLA was due on Friday at 19:30: 62 h late. Tickets
   * at 16:00, 16:30 and 17:00 are as late; the first of them is the worst start.
   */
  @Test
  void anOfficeHourOlaAgainstARoundTheClockSlaFailsOnlyOverTheWeekend() {
    RouteFit fit = RouteFit.of(List.of(leg("support", "PT2H", OFFICE)), ROUND_THE_CLOCK, WEEK);

    RouteFit.Result weekdayMorning = RouteFit.of(List.of(leg("support", "PT2H", OFFICE)), ROUND_THE_CLOCK,
        List.of(Instant.parse("2027-03-01T09:00:00Z"))).against(Duration.ofHours(4));
    RouteFit.Result week = fit.against(Duration.ofHours(4));

    assertThat(weekdayMorning.fits()).isTrue();
    assertThat(weekdayMorning.margin()).isEqualTo(Duration.ofHours(2));
    assertThat(week.fits()).isFalse();
    assertThat(week.margin()).isEqualTo(Duration.ofHours(-62));
    assertThat(week.worstStart()).isEqualTo(Instant.parse("2027-03-05T15:30:00Z"));
  }

  /**
   * A round-the-clock OLA of 10 h against an office-hour SLA of 8 h, for a ticket at Friday 09:00: the SLA is due
   * at Friday 17:00 and the OLA expires at 19:00, when the office is closed. The route is late, yet no office hour
   * is lost: the margin is zero and the route does not fit.
   */
  @Test
  void aRouteEndingLateWhileTheSlaCalendarIsClosedDoesNotFitWithAZeroMargin() {
    RouteFit.Result result = RouteFit.of(List.of(leg("sysadmin", "PT10H", ROUND_THE_CLOCK)), OFFICE,
        List.of(Instant.parse("2027-03-05T09:00:00Z"))).against(Duration.ofHours(8));

    assertThat(result).isEqualTo(new RouteFit.Result(Duration.ZERO, Instant.parse("2027-03-05T09:00:00Z"), false));
  }

  /** A route that uses the target exactly, ending at the due instant, fits with a zero margin. */
  @Test
  void aRouteEndingAtTheDueInstantFits() {
    RouteFit.Result result = RouteFit.of(List.of(leg("support", "PT8H", OFFICE)), OFFICE, WEEK)
        .against(Duration.ofHours(8));

    assertThat(result.fits()).isTrue();
    assertThat(result.margin()).isZero();
  }

  /** Support's OLA ends at 11:00 on office hours; engineering's then starts: 11:00 + 3 h = 14:00. */
  @Test
  void eachOlaStartsWhenThePreviousOneExpires() {
    Instant end = RouteFit.routeEnd(Instant.parse("2027-03-05T15:00:00Z"),
        List.of(leg("support", "PT2H", OFFICE), leg("engineering", "PT3H", OFFICE)));

    // Friday 15:00 + 2 h = Friday 17:00; + 3 h = Monday 12:00.
    assertThat(end).isEqualTo(Instant.parse("2027-03-08T12:00:00Z"));
  }
}
