package org.slaescalation.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sla/coverage}: for every row of the latest {@code SlaPolicy}, how the OLAs along the longest
 * hand-off route fit its targets (see {@link OlaCoverage}). Durations are ISO-8601, negative ones with a leading
 * minus ({@code -PT2H}); instants ISO-8601 UTC.
 */
@RestController
@RequestMapping(path = "/api/sla", produces = MediaType.APPLICATION_JSON_VALUE)
class CoverageController {

  private final OlaCoverage coverage;

  CoverageController(OlaCoverage coverage) {
    this.coverage = coverage;
  }

  @GetMapping("/coverage")
  List<RowView> coverage() {
    return coverage.check().stream().map(CoverageController::view).toList();
  }

  private static RowView view(OlaCoverage.RowCoverage coverage) {
    SlaRow row = coverage.row();
    Map<String, PriorityView> byPriority = new LinkedHashMap<>();
    for (OlaCoverage.PriorityCoverage priority : coverage.priorities()) {
      byPriority.put(priority.priority(), new PriorityView(
          priority.route().stream()
              .map(leg -> new OlaView(leg.team(), leg.budget().toString(), leg.calendar().name())).toList(),
          RouteFit.format(priority.firstResponse().margin()), priority.firstResponse().worstStart().toString(),
          RouteFit.format(priority.resolution().margin()), priority.resolution().worstStart().toString(),
          priority.fits()));
    }
    return new RowView(row.index(), row.label(), row.description(), row.inputs(),
        row.firstResponseTarget().toString(), row.resolutionTarget().toString(), row.calendar(), row.priorities(),
        coverage.fits(), byPriority);
  }

  /** One row of {@code SlaPolicy}; {@code fits} when every priority's route fits both targets. */
  record RowView(int row, String label, String description, Map<String, String> inputs, String firstResponseTarget,
      String resolutionTarget, String calendar, List<String> priorities, boolean fits,
      Map<String, PriorityView> byPriority) {}

  /** The route for one priority; margins in business time of the row's calendar, at the worst start instant. */
  record PriorityView(List<OlaView> route, String firstResponseMargin, String firstResponseWorstStart,
      String resolutionMargin, String resolutionWorstStart, boolean fits) {}

  /** One team's OLA on the route. */
  record OlaView(String team, String budget, String calendar) {}
}
