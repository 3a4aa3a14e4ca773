package org.slaescalation.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slaescalation.clock.Budget;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.calendar.UnknownCalendarException;
import org.springframework.stereotype.Component;

/**
 * The OLA coverage check: for every row of the latest deployed {@code SlaPolicy}, do the OLAs along the longest
 * hand-off route (support, then engineering, then sysadmin, each in its own {@code OlaBudget} calendar) fit inside
 * the row's resolution target, and the support OLA inside its first-response target?
 *
 * <p>"Fit" is {@link RouteFit}'s definition, over the {@link #REFERENCE_STARTS reference start instants}: every 30
 * minutes of Monday 1 to Sunday 14 March 2027 (two ordinary weeks, weekends included, CET) and of Monday 26 April to
 * Sunday 2 May 2027 (King's Day on Tuesday 27 April, CEST; later budgets reach Liberation Day, 5 May). Starts on the
 * hour and half hour hit the opening and closing times of the shipped calendars, where the worst cases are. A row
 * with several priorities (its priority entry is {@code "P1","P2"} or {@code -}) must fit for each of them.
 */
@Component
public class OlaCoverage {

  static final String DECISION = "SlaPolicy";
  static final List<String> ROUTE = List.of("support", "engineering", "sysadmin");
  static final List<Instant> REFERENCE_STARTS = Stream.concat(
      every30Minutes(Instant.parse("2027-02-28T23:00:00Z"), Instant.parse("2027-03-14T23:00:00Z")),
      every30Minutes(Instant.parse("2027-04-25T22:00:00Z"), Instant.parse("2027-05-02T22:00:00Z"))).toList();

  private final PolicyTables tables;
  private final BusinessCalendars calendars;
  private volatile Checked lastCheck;

  public OlaCoverage(PolicyTables tables, BusinessCalendars calendars) {
    this.tables = tables;
    this.calendars = calendars;
  }

  /** The result for one pair of deployed tables (calendars do not change while the application runs). */
  private record Checked(String versions, List<RowCoverage> rows) {}

  /** How the route fits one priority of a row. */
  record PriorityCoverage(String priority, List<OlaLeg> route, RouteFit.Result firstResponse,
      RouteFit.Result resolution) {

    boolean fits() {
      return firstResponse.fits() && resolution.fits();
    }
  }

  /** How the route fits each priority of a row. */
  record RowCoverage(SlaRow row, List<PriorityCoverage> priorities) {

    boolean fits() {
      return priorities.stream().allMatch(PriorityCoverage::fits);
    }
  }

  /**
   * The rows of the latest deployed {@code SlaPolicy}, each with its margins against the latest {@code OlaBudget}.
   * The result is kept until a new version of either table is deployed.
   */
  List<RowCoverage> check() {
    String versions = tables.versions();
    Checked last = lastCheck;
    if (last != null && last.versions().equals(versions)) {
      return last.rows();
    }
    List<RowCoverage> rows = check(tables.slaRows());
    lastCheck = new Checked(versions, rows);
    return rows;
  }

  private List<RowCoverage> check(List<SlaRow> rows) {
    Map<String, Route> routes = new HashMap<>();
    Map<FitKey, RouteFit> fits = new HashMap<>();
    List<RowCoverage> result = new ArrayList<>();
    for (SlaRow row : rows) {
      BusinessCalendar sla = calendar(row.calendar(), row.label());
      List<PriorityCoverage> priorities = new ArrayList<>();
      for (String priority : row.priorities()) {
        Route route = routes.computeIfAbsent(priority, this::route);
        // A route is measured once per SLA calendar; each row's target is then a subtraction.
        RouteFit firstResponse = fits.computeIfAbsent(new FitKey(sla.name(), priority, false),
            key -> new RouteFit(REFERENCE_STARTS, route.supportEnds(), sla));
        RouteFit resolution = fits.computeIfAbsent(new FitKey(sla.name(), priority, true),
            key -> new RouteFit(REFERENCE_STARTS, route.ends(), sla));
        priorities.add(new PriorityCoverage(priority, route.legs(),
            firstResponse.against(row.firstResponseTarget()), resolution.against(row.resolutionTarget())));
      }
      result.add(new RowCoverage(row, priorities));
    }
    return List.copyOf(result);
  }

  /** A priority's route and, for every reference start, when its support OLA and its last OLA expire. */
  private record Route(List<OlaLeg> legs, List<Instant> supportEnds, List<Instant> ends) {}

  private record FitKey(String slaCalendar, String priority, boolean wholeRoute) {}

  private Route route(String priority) {
    List<OlaLeg> legs = ROUTE.stream().map(team -> {
      Budget budget = tables.olaBudget(team, priority);
      String where = "Decision " + PolicyTables.OLA_DECISION + ", team " + team + ", priority " + priority;
      return new OlaLeg(team, budget.budget(), calendar(budget.calendar(), where));
    }).toList();
    List<Instant> supportEnds = REFERENCE_STARTS.stream()
        .map(start -> RouteFit.routeEnd(start, legs.subList(0, 1))).toList();
    List<Instant> ends = supportEnds.stream().map(end -> RouteFit.routeEnd(end, legs.subList(1, legs.size()))).toList();
    return new Route(legs, supportEnds, ends);
  }

  private BusinessCalendar calendar(String name, String where) {
    try {
      return calendars.get(name);
    } catch (UnknownCalendarException e) {
      throw new IllegalStateException(where + ": " + e.getMessage(), e);
    }
  }

  private static Stream<Instant> every30Minutes(Instant from, Instant until) {
    return Stream.iterate(from, t -> t.isBefore(until), t -> t.plus(Duration.ofMinutes(30)));
  }
}
