package org.slaescalation.businesstime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Due-date calculation on the shipped support calendar (Amsterdam, lunch break, Dutch holidays, closed dates) for
 * budgets of 8, 200 and 2,000 business hours, from 1,024 random starts in 2026-2030 so DST changes, holidays and
 * year ends are crossed as in production. Sample time, so JMH reports the median (p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DueDateBenchmark {

  private static final int STARTS = 1 << 10;

  @Param({"8", "200", "2000"})
  int hours;

  private BusinessCalendar support;
  private Duration budget;
  private final Instant[] starts = new Instant[STARTS];
  private int next;

  @Setup
  public void setUp() {
    support = BusinessCalendar.builder("support", ZoneId.of("Europe/Amsterdam"))
        .hours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), "08:30-12:00", "13:00-17:30")
        .hours(DayOfWeek.FRIDAY, "08:30-12:00", "13:00-16:00")
        .holidays(JollydayHolidaySource.of("NL"))
        .closedDates(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-31"))
        .build();
    budget = Duration.ofHours(hours);
    long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    long until = Instant.parse("2031-01-01T00:00:00Z").getEpochSecond();
    SplittableRandom random = new SplittableRandom(20_270_326L);
    for (int i = 0; i < STARTS; i++) {
      starts[i] = Instant.ofEpochSecond(random.nextLong(from, until));
    }
  }

  @Benchmark
  public Instant due() {
    Instant start = starts[next++ & (STARTS - 1)];
    return support.due(start, budget);
  }
}
