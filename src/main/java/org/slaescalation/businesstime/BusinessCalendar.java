package org.slaescalation.businesstime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A business calendar: a time zone, weekly opening hours, holidays and extra closed dates; and the business-time
 * arithmetic on it.
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li>An instant is <b>open</b> when its wall-clock time in {@link #zone()} falls inside one of the
 *       {@code [open, close)} {@link OpeningInterval intervals} of that local weekday, and that local date is
 *       neither a holiday nor a closed date. On the day the clocks go forward an interval spanning the missing hour
 *       is an hour shorter; on the day they go back, an hour longer.
 *   <li>{@link #due(Instant, Duration) due(start, d)} is the earliest instant {@code t ≥ start} such that the open
 *       time in {@code [start, t)} equals {@code d}: a zero budget is due at {@code start}; a budget that runs out
 *       exactly at closing time is due at closing time, not at the next opening.
 *   <li>{@link #elapsed(Instant, Instant) elapsed(a, b)} is the open time in {@code [a, b)}.
 * </ul>
 *
 * <h2>How it is computed</h2>
 *
 * Time is walked in stretches of constant UTC offset (between two daylight-saving transitions), so wall-clock time
 * is a plain shift of the instant within each stretch and DST is handled in this one place. Inside a stretch whole
 * local days are counted from a per-year table of open seconds per day (with prefix sums, holidays already
 * subtracted), so the cost grows with the number of years and DST transitions crossed, not with the budget in
 * minutes, days or weeks.
 *
 * <p>Instances are immutable and thread-safe. Budgets and results have nanosecond precision; budgets are limited to
 * about 292 years ({@link Duration#toNanos()}).
 */
public final class BusinessCalendar {

  private static final int SECONDS_PER_DAY = 86_400;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final int NEVER_OPEN_DAYS = 3_660;
  /**
   * Year tables kept per calendar (about 4 KB each): enough for every year from 1900 to 2200, so that a long walk
   * computes each year once, while a walk across thousands of years cannot exhaust the heap.
   */
  static final int CACHED_YEARS = 320;

  private final String name;
  private final ZoneId zone;
  private final ZoneRules rules;
  private final Integer fixedOffset;
  private final Map<DayOfWeek, List<OpeningInterval>> weeklyHours;
  private final HolidaySource holidaySource;
  private final SortedSet<LocalDate> closedDates;
  private final int[][] opens = new int[7][];
  private final int[][] closes = new int[7][];
  private final int[] dayTotal = new int[7];
  private final long weeklyTotal;
  private final Cache<Integer, YearTable> years = Caffeine.newBuilder().maximumSize(CACHED_YEARS).build();

  private BusinessCalendar(
      String name,
      ZoneId zone,
      Map<DayOfWeek, List<OpeningInterval>> hours,
      HolidaySource holidaySource,
      Collection<LocalDate> closedDates) {
    this.name = Objects.requireNonNull(name, "name");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.rules = zone.getRules();
    this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : null;
    this.holidaySource = Objects.requireNonNull(holidaySource, "holidaySource");
    this.closedDates = Collections.unmodifiableSortedSet(new TreeSet<>(closedDates));
    Map<DayOfWeek, List<OpeningInterval>> copy = new EnumMap<>(DayOfWeek.class);
    long total = 0;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<OpeningInterval> intervals = new ArrayList<>(hours.getOrDefault(day, List.of()));
      intervals.forEach(i -> Objects.requireNonNull(i, "interval"));
      Collections.sort(intervals);
      for (int i = 1; i < intervals.size(); i++) {
        if (intervals.get(i - 1).overlaps(intervals.get(i))) {
          throw new IllegalArgumentException(
              day + ": opening intervals " + intervals.get(i - 1) + " and " + intervals.get(i)
                  + " overlap; make them disjoint or merge them into one interval");
        }
      }
      copy.put(day, List.copyOf(intervals));
      int index = day.ordinal();
      opens[index] = intervals.stream().mapToInt(OpeningInterval::openSecondOfDay).toArray();
      closes[index] = intervals.stream().mapToInt(OpeningInterval::closeSecondOfDay).toArray();
      for (int i = 0; i < opens[index].length; i++) {
        dayTotal[index] += closes[index][i] - opens[index][i];
      }
      total += dayTotal[index];
    }
    this.weeklyHours = Collections.unmodifiableMap(copy);
    this.weeklyTotal = total;
  }

  /**
   * A calendar from its parts.
   *
   * @param name        the calendar's name
   * @param zone        the zone whose wall-clock time the opening hours are in
   * @param weeklyHours opening intervals per weekday; a missing weekday is closed
   * @param holidays    the holidays on which the calendar is closed
   * @param closedDates further local dates on which the calendar is closed
   * @throws IllegalArgumentException if intervals of one weekday overlap
   */
  public static BusinessCalendar of(
      String name,
      ZoneId zone,
      Map<DayOfWeek, List<OpeningInterval>> weeklyHours,
      HolidaySource holidays,
      Collection<LocalDate> closedDates) {
    return new BusinessCalendar(name, zone, weeklyHours, holidays, closedDates);
  }

  /** A builder for a calendar in the given zone, closed on every day until hours are added. */
  public static Builder builder(String name, ZoneId zone) {
    return new Builder(name, zone);
  }

  /** A calendar that is always open: UTC, every day 00:00-24:00, no holidays. */
  public static BusinessCalendar twentyFourSeven(String name) {
    return builder(name, ZoneOffset.UTC)
        .hours(Set.of(DayOfWeek.values()), OpeningInterval.untilEndOfDay(LocalTime.MIDNIGHT))
        .build();
  }

  /** The calendar's name. */
  public String name() {
    return name;
  }

  /** The zone whose wall-clock time the opening hours are in. */
  public ZoneId zone() {
    return zone;
  }

  /** The opening intervals of every weekday, sorted; a closed weekday maps to an empty list. */
  public Map<DayOfWeek, List<OpeningInterval>> weeklyHours() {
    return weeklyHours;
  }

  /** The nominal open time of a week without holidays or DST change. */
  public Duration weeklyOpenTime() {
    return Duration.ofSeconds(weeklyTotal);
  }

  /** The holiday source. */
  public HolidaySource holidaySource() {
    return holidaySource;
  }

  /** The extra closed dates (besides holidays), sorted. */
  public SortedSet<LocalDate> extraClosedDates() {
    return closedDates;
  }

  /**
   * The earliest instant {@code t ≥ start} such that the open time in {@code [start, t)} equals {@code budget}.
   *
   * @param start  when the clock starts
   * @param budget the business time to spend; zero is due at {@code start}
   * @return the due instant; a budget running out exactly at closing time is due at closing time
   * @throws IllegalArgumentException if {@code budget} is negative or longer than about 292 years
   * @throws IllegalStateException    if {@code budget} is positive and the calendar is never open (no opening
   *                                  hours, or no open time within ten years)
   */
  public Instant due(Instant start, Duration budget) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative()) {
      throw new IllegalArgumentException("budget must not be negative: " + budget);
    }
    if (budget.isZero()) {
      return start;
    }
    if (weeklyTotal == 0) {
      throw new IllegalStateException(
          "calendar '" + name + "' has no opening hours, so a budget of " + budget + " is never due");
    }
    long remaining;
    try {
      remaining = budget.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("budget is too long (more than about 292 years): " + budget, e);
    }
    long second = start.getEpochSecond();
    int nano = start.getNano();
    if (nano > 0) {
      // Opening hours and UTC offsets change on whole seconds: [second, second + 1) is open or closed as a whole.
      if (isOpenSecond(second)) {
        long rest = NANOS_PER_SECOND - nano;
        if (remaining <= rest) {
          return start.plus(budget);
        }
        remaining -= rest;
      }
      second++;
    }
    Walk walk = new Walk(remaining);
    long position = second;
    while (true) {
      int offset = offsetAt(position);
      long stretchEnd = nextTransition(position);
      long localEnd = stretchEnd == Long.MAX_VALUE ? Long.MAX_VALUE : stretchEnd + offset;
      if (walk.spend(position + offset, localEnd)) {
        return Instant.ofEpochSecond(walk.dueLocalSecond - offset, walk.dueNano);
      }
      position = stretchEnd;
    }
  }

  /**
   * The open time in {@code [from, to)}.
   *
   * @throws IllegalArgumentException if {@code from} is after {@code to}
   */
  public Duration elapsed(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
    }
    if (weeklyTotal == 0 || from.equals(to)) {
      return Duration.ZERO;
    }
    long fromSecond = from.getEpochSecond();
    long toSecond = to.getEpochSecond();
    if (fromSecond == toSecond) {
      return isOpenSecond(fromSecond) ? Duration.ofNanos(to.getNano() - from.getNano()) : Duration.ZERO;
    }
    long nanos = 0;
    long position = fromSecond;
    if (from.getNano() > 0) {
      if (isOpenSecond(fromSecond)) {
        nanos += NANOS_PER_SECOND - from.getNano();
      }
      position++;
    }
    if (to.getNano() > 0 && isOpenSecond(toSecond)) {
      nanos += to.getNano();
    }
    Walk walk = new Walk(0);
    long seconds = 0;
    while (position < toSecond) {
      int offset = offsetAt(position);
      long stretchEnd = Math.min(nextTransition(position), toSecond);
      seconds += walk.openSeconds(position + offset, stretchEnd + offset);
      position = stretchEnd;
    }
    return Duration.ofSeconds(seconds, nanos);
  }

  /** Whether the calendar is open at the instant. */
  public boolean isOpen(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return isOpenSecond(instant.getEpochSecond());
  }

  /**
   * The first open instant at or after {@code instant}: {@code instant} itself if the calendar is open then.
   *
   * @return empty if the calendar has no opening hours, or no open time within ten years
   */
  public Optional<Instant> nextOpening(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    if (weeklyTotal == 0) {
      return Optional.empty();
    }
    if (isOpen(instant)) {
      return Optional.of(instant);
    }
    Walk walk = new Walk(0);
    long position = instant.getEpochSecond() + 1;
    long giveUp = position + (long) NEVER_OPEN_DAYS * SECONDS_PER_DAY;
    while (position < giveUp) {
      int offset = offsetAt(position);
      long stretchEnd = Math.min(nextTransition(position), giveUp);
      long opening = walk.firstOpenSecond(position + offset, stretchEnd + offset);
      if (opening != Long.MAX_VALUE) {
        return Optional.of(Instant.ofEpochSecond(opening - offset));
      }
      position = stretchEnd;
    }
    return Optional.empty();
  }

  /**
   * The instant {@code days} business days after {@code start}: the same wall-clock time on the {@code days}-th
   * following local date on which the calendar opens at all (holidays and closed dates do not count), moved into
   * that day's opening hours when the time falls outside them (to the next opening of the day, or to its last closing
   * when the day has closed by then). On a 24/7 calendar it is {@code days} days later.
   *
   * @throws IllegalArgumentException if {@code days} is negative
   * @throws IllegalStateException    if the calendar does not open on {@code days} dates within ten years
   */
  public Instant plusBusinessDays(Instant start, int days) {
    Objects.requireNonNull(start, "start");
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    if (days == 0) {
      return start;
    }
    ZonedDateTime local = start.atZone(zone);
    LocalDate date = local.toLocalDate();
    LocalDate giveUp = date.plusDays(NEVER_OPEN_DAYS);
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (date.isAfter(giveUp)) {
        throw new IllegalStateException("calendar '" + name + "' opens on fewer than " + days
            + " days within ten years of " + start);
      }
      List<OpeningInterval> hours = weeklyHours.getOrDefault(date.getDayOfWeek(), List.of());
      if (!hours.isEmpty() && !closedDateSet(date.getYear()).contains(date)) {
        counted++;
      }
    }
    int second = local.toLocalTime().toSecondOfDay();
    List<OpeningInterval> hours = weeklyHours.get(date.getDayOfWeek()).stream().sorted().toList();
    int within = hours.get(hours.size() - 1).closeSecondOfDay();
    for (OpeningInterval interval : hours) {
      if (second < interval.openSecondOfDay()) {
        within = interval.openSecondOfDay();
        break;
      }
      if (second < interval.closeSecondOfDay()) {
        within = second;
        break;
      }
    }
    ZonedDateTime result = within >= SECONDS_PER_DAY
        ? date.plusDays(1).atStartOfDay(zone)
        : date.atTime(LocalTime.ofSecondOfDay(within)).atZone(zone);
    return result.toInstant().plusNanos(within == second ? local.getNano() : 0);
  }

  /** The local dates of {@code year} on which the calendar is closed by a holiday or a closed date, sorted. */
  public List<LocalDate> closedDates(int year) {
    return List.copyOf(closedDateSet(year));
  }

  private SortedSet<LocalDate> closedDateSet(int year) {
    SortedSet<LocalDate> result = new TreeSet<>();
    for (LocalDate holiday : holidaySource.holidays(year)) {
      if (holiday.getYear() == year) {
        result.add(holiday);
      }
    }
    result.addAll(closedDates.subSet(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
    return result;
  }

  private boolean isOpenSecond(long epochSecond) {
    long local = epochSecond + offsetAt(epochSecond);
    long day = Math.floorDiv(local, SECONDS_PER_DAY);
    YearTable table = yearTableOf(day);
    if (table.open[(int) (day - table.firstDay)] == 0) {
      return false;
    }
    int secondOfDay = (int) (local - day * SECONDS_PER_DAY);
    int weekday = weekdayIndex(day);
    for (int i = 0; i < opens[weekday].length; i++) {
      if (opens[weekday][i] <= secondOfDay && secondOfDay < closes[weekday][i]) {
        return true;
      }
    }
    return false;
  }

  private int offsetAt(long epochSecond) {
    return fixedOffset != null
        ? fixedOffset
        : rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
  }

  /** The epoch second of the next UTC-offset change after {@code epochSecond}, or {@link Long#MAX_VALUE}. */
  private long nextTransition(long epochSecond) {
    if (fixedOffset != null) {
      return Long.MAX_VALUE;
    }
    ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochSecond(epochSecond));
    return transition == null ? Long.MAX_VALUE : transition.toEpochSecond();
  }

  private static int weekdayIndex(long epochDay) {
    // 1970-01-01 was a Thursday; index 0 is Monday, as DayOfWeek.ordinal().
    return (int) Math.floorMod(epochDay + 3, 7L);
  }

  /** How many year tables the calendar keeps now (for tests of the cache's bound). */
  long cachedYearTables() {
    years.cleanUp();
    return years.estimatedSize();
  }

  private YearTable yearTableOf(long epochDay) {
    return years.get(LocalDate.ofEpochDay(epochDay).getYear(), this::buildYearTable);
  }

  private YearTable buildYearTable(int year) {
    LocalDate first = LocalDate.of(year, 1, 1);
    long firstDay = first.toEpochDay();
    int length = first.lengthOfYear();
    int[] open = new int[length];
    for (int i = 0; i < length; i++) {
      open[i] = dayTotal[weekdayIndex(firstDay + i)];
    }
    for (LocalDate closed : closedDateSet(year)) {
      open[(int) (closed.toEpochDay() - firstDay)] = 0;
    }
    long[] cumulative = new long[length + 1];
    for (int i = 0; i < length; i++) {
      cumulative[i + 1] = cumulative[i] + open[i];
    }
    return new YearTable(firstDay, firstDay + length, open, cumulative);
  }

  /**
   * Open seconds per local day of one year: {@code open[i]} for the day {@code firstDay + i}, zero on holidays and
   * closed dates; {@code cumulative[i]} is the sum of the days before day {@code i}.
   */
  private record YearTable(long firstDay, long endDay, int[] open, long[] cumulative) {}

  /**
   * One walk through local time in stretches of constant UTC offset. Local times are seconds since 1970-01-01T00:00
   * in wall-clock time; within a stretch they map to instants by subtracting the offset.
   */
  private final class Walk {

    private long remaining;
    private long dueLocalSecond;
    private int dueNano;
    private int emptyDays;
    private YearTable table;

    Walk(long remainingNanos) {
      this.remaining = remainingNanos;
    }

    private YearTable table(long day) {
      if (table == null || day < table.firstDay || day >= table.endDay) {
        table = yearTableOf(day);
      }
      return table;
    }

    /** Spends the remaining budget in local time {@code [from, to)}; true if it ran out there. */
    boolean spend(long from, long to) {
      long day = Math.floorDiv(from, SECONDS_PER_DAY);
      if (from > day * SECONDS_PER_DAY) {
        long dayEnd = Math.min((day + 1) * SECONDS_PER_DAY, to);
        if (spendInDay(day, from, dayEnd)) {
          return true;
        }
        if (dayEnd == to) {
          return false;
        }
        day++;
      }
      long fullDaysEnd = to == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(to, SECONDS_PER_DAY);
      while (day < fullDaysEnd) {
        YearTable year = table(day);
        long until = Math.min(year.endDay, fullDaysEnd);
        int first = (int) (day - year.firstDay);
        int end = (int) (until - year.firstDay);
        long available = year.cumulative[end] - year.cumulative[first];
        if (available * NANOS_PER_SECOND < remaining) {
          remaining -= available * NANOS_PER_SECOND;
          countEmpty(available, end - first);
          day = until;
          continue;
        }
        int last = firstDayCovering(year.cumulative, first, end);
        remaining -= (year.cumulative[last] - year.cumulative[first]) * NANOS_PER_SECOND;
        long lastDay = year.firstDay + last;
        return spendInDay(lastDay, lastDay * SECONDS_PER_DAY, (lastDay + 1) * SECONDS_PER_DAY);
      }
      return to > day * SECONDS_PER_DAY && spendInDay(day, day * SECONDS_PER_DAY, to);
    }

    /** The index {@code k} in {@code [first, end)} of the first day where the budget runs out. */
    private int firstDayCovering(long[] cumulative, int first, int end) {
      int low = first + 1;
      int high = end;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if ((cumulative[middle] - cumulative[first]) * NANOS_PER_SECOND >= remaining) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      return low - 1;
    }

    private void countEmpty(long available, int days) {
      if (available > 0) {
        emptyDays = 0;
        return;
      }
      emptyDays += days;
      if (emptyDays > NEVER_OPEN_DAYS) {
        throw new IllegalStateException(
            "calendar '" + name + "' has no open time in ten years, so the budget is never spent");
      }
    }

    private boolean spendInDay(long day, long from, long to) {
      YearTable year = table(day);
      if (year.open[(int) (day - year.firstDay)] == 0) {
        return false;
      }
      long dayStart = day * SECONDS_PER_DAY;
      int weekday = weekdayIndex(day);
      int[] dayOpens = opens[weekday];
      int[] dayCloses = closes[weekday];
      for (int i = 0; i < dayOpens.length; i++) {
        long open = Math.max(dayStart + dayOpens[i], from);
        long close = Math.min(dayStart + dayCloses[i], to);
        if (open >= close) {
          continue;
        }
        long length = (close - open) * NANOS_PER_SECOND;
        if (remaining <= length) {
          dueLocalSecond = open + remaining / NANOS_PER_SECOND;
          dueNano = (int) (remaining % NANOS_PER_SECOND);
          return true;
        }
        remaining -= length;
      }
      return false;
    }

    /** The open seconds in local time {@code [from, to)}. */
    long openSeconds(long from, long to) {
      if (from >= to) {
        return 0;
      }
      long sum = 0;
      long day = Math.floorDiv(from, SECONDS_PER_DAY);
      if (from > day * SECONDS_PER_DAY) {
        long dayEnd = Math.min((day + 1) * SECONDS_PER_DAY, to);
        sum += openSecondsInDay(day, from, dayEnd);
        if (dayEnd == to) {
          return sum;
        }
        day++;
      }
      long fullDaysEnd = Math.floorDiv(to, SECONDS_PER_DAY);
      while (day < fullDaysEnd) {
        YearTable year = table(day);
        long until = Math.min(year.endDay, fullDaysEnd);
        sum += year.cumulative[(int) (until - year.firstDay)] - year.cumulative[(int) (day - year.firstDay)];
        day = until;
      }
      if (to > day * SECONDS_PER_DAY) {
        sum += openSecondsInDay(day, day * SECONDS_PER_DAY, to);
      }
      return sum;
    }

    private long openSecondsInDay(long day, long from, long to) {
      YearTable year = table(day);
      if (year.open[(int) (day - year.firstDay)] == 0) {
        return 0;
      }
      long dayStart = day * SECONDS_PER_DAY;
      int weekday = weekdayIndex(day);
      long sum = 0;
      for (int i = 0; i < opens[weekday].length; i++) {
        long open = Math.max(dayStart + opens[weekday][i], from);
        long close = Math.min(dayStart + closes[weekday][i], to);
        if (open < close) {
          sum += close - open;
        }
      }
      return sum;
    }

    /** The first open second in local time {@code [from, to)}, or {@link Long#MAX_VALUE}. */
    long firstOpenSecond(long from, long to) {
      for (long day = Math.floorDiv(from, SECONDS_PER_DAY); day * SECONDS_PER_DAY < to; day++) {
        YearTable year = table(day);
        if (year.open[(int) (day - year.firstDay)] == 0) {
          continue;
        }
        long dayStart = day * SECONDS_PER_DAY;
        int weekday = weekdayIndex(day);
        for (int i = 0; i < opens[weekday].length; i++) {
          long open = Math.max(dayStart + opens[weekday][i], from);
          long close = Math.min(dayStart + closes[weekday][i], to);
          if (open < close) {
            return open;
          }
        }
      }
      return Long.MAX_VALUE;
    }
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + name + ", " + zone + "]";
  }

  /** Builds a {@link BusinessCalendar}; every weekday is closed until hours are added. */
  public static final class Builder {

    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
    private HolidaySource holidays = HolidaySource.none();
    private final Set<LocalDate> closedDates = new TreeSet<>();

    private Builder(String name, ZoneId zone) {
      this.name = Objects.requireNonNull(name, "name");
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Adds opening intervals to a weekday. */
    public Builder hours(DayOfWeek day, OpeningInterval... intervals) {
      hours.computeIfAbsent(day, d -> new ArrayList<>()).addAll(List.of(intervals));
      return this;
    }

    /** Adds opening intervals to a weekday, parsed from {@code "HH:mm-HH:mm"} (24:00 allowed as closing time). */
    public Builder hours(DayOfWeek day, String... intervals) {
      for (String interval : intervals) {
        hours(day, OpeningInterval.parse(interval));
      }
      return this;
    }

    /** Adds the same opening intervals to several weekdays. */
    public Builder hours(Set<DayOfWeek> days, OpeningInterval... intervals) {
      days.forEach(day -> hours(day, intervals));
      return this;
    }

    /** Adds the same opening intervals, parsed from {@code "HH:mm-HH:mm"}, to several weekdays. */
    public Builder hours(Set<DayOfWeek> days, String... intervals) {
      days.forEach(day -> hours(day, intervals));
      return this;
    }

    /** Sets the holiday source (none by default). */
    public Builder holidays(HolidaySource source) {
      this.holidays = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Adds extra closed dates. */
    public Builder closedDates(Collection<LocalDate> dates) {
      closedDates.addAll(dates);
      return this;
    }

    /** Adds extra closed dates. */
    public Builder closedDates(LocalDate... dates) {
      return closedDates(List.of(dates));
    }

    /**
     * Builds the calendar.
     *
     * @throws IllegalArgumentException if intervals of one weekday overlap
     */
    public BusinessCalendar build() {
      return new BusinessCalendar(name, zone, hours, holidays, closedDates);
    }
  }
}
