package org.slaescalation.businesstime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The algebra of business time, over random starts between 2025 and 2031 and budgets up to 2,000 business hours, on
 * calendars shaped like the shipped ones: holidays, lunch breaks, night shifts, DST in both hemispheres, 24/7.
 */
class BusinessCalendarProperties {

  private static final long FROM = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
  private static final long UNTIL = Instant.parse("2031-01-01T00:00:00Z").getEpochSecond();
  private static final List<BusinessCalendar> CALENDARS = List.of(
      TestCalendars.SUPPORT, TestCalendars.ENGINEERING, TestCalendars.NIGHT_SHIFT, TestCalendars.AMSTERDAM_EARLY,
      TestCalendars.AMSTERDAM_24_7, TestCalendars.NEW_YORK_EARLY, TestCalendars.US_OFFICE,
      TestCalendars.SYDNEY_OFFICE, TestCalendars.SYDNEY_EARLY, TestCalendars.UTC_24_7);

  @Property
  void dueIsNeverBeforeStart(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
      @ForAll("budgets") Duration budget) {
    assertThat(calendar.due(start, budget)).isAfterOrEqualTo(start);
  }

  @Property
  void elapsedUntilDueIsTheBudget(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
      @ForAll("budgets") Duration budget) {
    assertThat(calendar.elapsed(start, calendar.due(start, budget))).isEqualTo(budget);
  }

  @Property
  void dueIsTheEarliestSuchInstant(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
      @ForAll("budgets") Duration budget) {
    Instant due = calendar.due(start, budget);
    if (!budget.isZero()) {
      assertThat(calendar.elapsed(start, due.minusNanos(1))).isLessThan(budget);
    }
  }

  @Property
  void dueIsAdditive(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
      @ForAll("budgets") Duration a, @ForAll("budgets") Duration b) {
    assertThat(calendar.due(calendar.due(start, a), b)).isEqualTo(calendar.due(start, a.plus(b)));
  }

  @Property
  void elapsedIsAdditiveOverAdjacentRanges(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant x, @ForAll("instants") Instant y,
      @ForAll("instants") Instant z) {
    List<Instant> sorted = new ArrayList<>(List.of(x, y, z));
    sorted.sort(null);
    Instant a = sorted.get(0);
    Instant b = sorted.get(1);
    Instant c = sorted.get(2);
    assertThat(calendar.elapsed(a, b).plus(calendar.elapsed(b, c))).isEqualTo(calendar.elapsed(a, c));
  }

  @Property
  void nextOpeningIsOpenAndNothingIsOpenBefore(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant t) {
    Instant opening = calendar.nextOpening(t).orElseThrow();
    assertThat(calendar.isOpen(opening)).isTrue();
    assertThat(calendar.elapsed(t, opening)).isZero();
  }

  /** Against the minute-stepping oracle, with starts close to DST switches where mistakes hide. */
  @Property(tries = 150)
  void dueAgreesWithMinuteByMinuteStepping(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("nearTransitions") Instant start,
      @ForAll("shortMinuteBudgets") Duration budget) {
    assertThat(calendar.due(start, budget)).isEqualTo(new NaiveCalendar(calendar).dueByMinutes(start, budget));
  }

  @Property(tries = 2000)
  void isOpenAgreesWithWallClockReading(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant t) {
    assertThat(calendar.isOpen(t)).isEqualTo(new NaiveCalendar(calendar).isOpen(t));
  }

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return Arbitraries.of(CALENDARS);
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds = Arbitraries.longs().between(FROM, UNTIL);
    Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.just(0)), Tuple.of(2, Arbitraries.integers().between(0, 999_999_999)));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<Duration> budgets() {
    Arbitrary<Duration> seconds = Arbitraries.longs().between(0, 2_000L * 3600).map(Duration::ofSeconds);
    Arbitrary<Duration> withNanos = Arbitraries.longs().between(0, 2_000L * 3600 * 1_000_000_000L).map(Duration::ofNanos);
    Arbitrary<Duration> hours = Arbitraries.longs().between(0, 100).map(Duration::ofHours);
    return Arbitraries.frequencyOf(Tuple.of(4, seconds), Tuple.of(2, withNanos), Tuple.of(4, hours));
  }

  @Provide
  Arbitrary<Duration> shortMinuteBudgets() {
    return Arbitraries.longs().between(0, 3 * 24 * 60).map(Duration::ofMinutes);
  }

  @Provide
  Arbitrary<Instant> nearTransitions() {
    List<Instant> transitions = new ArrayList<>();
    for (BusinessCalendar calendar : CALENDARS) {
      for (ZoneOffsetTransition transition : calendar.zone().getRules().getTransitions()) {
        if (transition.getInstant().getEpochSecond() >= FROM) {
          transitions.add(transition.getInstant());
        }
      }
      Instant t = Instant.ofEpochSecond(FROM);
      for (ZoneOffsetTransition next; (next = calendar.zone().getRules().nextTransition(t)) != null
          && next.getInstant().getEpochSecond() < UNTIL; t = next.getInstant()) {
        transitions.add(next.getInstant());
      }
    }
    return Combinators.combine(Arbitraries.of(transitions), Arbitraries.longs().between(-3 * 24 * 60, 24 * 60))
        .as((transition, minutes) -> transition.plus(Duration.ofMinutes(minutes)));
  }
}
