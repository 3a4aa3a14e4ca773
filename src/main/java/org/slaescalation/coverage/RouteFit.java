package org.slaescalation.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slaescalation.businesstime.BusinessCalendar;

/**
 * Whether OLAs handed on one after another fit inside an SLA target, in business time. Plain Java: the
 * definition of "fit" of the coverage check lives here.
 *
 * <p>For a start instant {@code s}, the route ends at {@code e(s)}: the first team's OLA is due from {@code s} in
 * its calendar, the next team's from that instant in its own calendar, and so on. The SLA clock is due at
 * {@code d(s) = due(s, target)} in the SLA calendar. The route <b>fits</b> for {@code s} when {@code e(s) ≤ d(s)}.
 * Its <b>margin</b> is the SLA calendar's open time between the two instants, {@code elapsed(e(s), d(s))}, and
 * minus {@code elapsed(d(s), e(s))} when the route ends late. Over a set of start instants the route fits when it
 * fits for every one of them, and the margin is the smallest margin; the worst start is a start that gives it
 * (a late one before an on-time one with the same margin).
 *
 * <p>A route that ends late while the SLA calendar is closed (the SLA was due at Friday's closing, the route ends
 * on Sunday) loses no SLA business time: its margin is zero, yet it does not fit, because the SLA clock was
 * breached at its due instant.
 *
 * <p>How it is computed: since {@code elapsed(s, d(s)) = target} and elapsed time adds up, the margin is
 * {@code target - elapsed(s, e(s))}, the target minus the route's length in SLA business time. The lengths do not
 * depend on the target, so one instance measures a route once and answers for any target
 * ({@link #against(Duration)}); only a route exactly as long as the target needs {@code d(s)} to tell whether it
 * ended at the due instant or, late, while the SLA calendar was closed.
 */
final class RouteFit {

  /**
   * The outcome over a set of start instants.
   *
   * @param margin     the smallest margin, in business time of the SLA calendar; negative when late
   * @param worstStart the start instant with that margin
   * @param fits       whether the route ended in time for every start instant
   */
  record Result(Duration margin, Instant worstStart, boolean fits) {}

  private final BusinessCalendar sla;
  private final List<Instant> starts;
  private final List<Instant> ends;
  private final Duration[] lengths;
  private final Duration longest;

  /**
   * Measures routes that started at {@code starts} and ended at {@code ends} (same order) in the {@code sla}
   * calendar.
   */
  RouteFit(List<Instant> starts, List<Instant> ends, BusinessCalendar sla) {
    if (starts.isEmpty() || starts.size() != ends.size()) {
      throw new IllegalArgumentException("need as many route ends as start instants, and at least one");
    }
    this.sla = sla;
    this.starts = List.copyOf(starts);
    this.ends = List.copyOf(ends);
    this.lengths = new Duration[starts.size()];
    Duration max = Duration.ZERO;
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = sla.elapsed(starts.get(i), ends.get(i));
      max = lengths[i].compareTo(max) > 0 ? lengths[i] : max;
    }
    this.longest = max;
  }

  /** Measures the route of {@code legs} from each of {@code starts} in the {@code sla} calendar. */
  static RouteFit of(List<OlaLeg> legs, BusinessCalendar sla, List<Instant> starts) {
    return new RouteFit(starts, starts.stream().map(start -> routeEnd(start, legs)).toList(), sla);
  }

  /** The instant at which the OLAs of {@code legs}, handed on one after another from {@code start}, all expire. */
  static Instant routeEnd(Instant start, List<OlaLeg> legs) {
    Instant end = start;
    for (OlaLeg leg : legs) {
      end = leg.calendar().due(end, leg.budget());
    }
    return end;
  }

  /** How the measured routes fit {@code target} of the SLA calendar. */
  Result against(Duration target) {
    Duration margin = target.minus(longest);
    Instant worstStart = null;
    boolean worstLate = false;
    boolean fits = true;
    for (int i = 0; i < lengths.length; i++) {
      if (!lengths[i].equals(longest)) {
        continue;
      }
      boolean late = margin.isNegative()
          || (margin.isZero() && ends.get(i).isAfter(sla.due(starts.get(i), target)));
      fits &= !late;
      if (worstStart == null || (late && !worstLate)) {
        worstStart = starts.get(i);
        worstLate = late;
      }
    }
    return new Result(margin, worstStart, fits);
  }

  /** An ISO-8601 duration with a leading minus for negative ones ({@code -PT2H30M}, not {@code PT-2H-30M}). */
  static String format(Duration duration) {
    return duration.isNegative() ? "-" + duration.negated() : duration.toString();
  }
}
