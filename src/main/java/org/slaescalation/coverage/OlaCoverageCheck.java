package org.slaescalation.coverage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slaescalation.model.ModelsDeployedListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stops start-up, right after the models are deployed, when the OLAs do not fit a row of {@code SlaPolicy}: a
 * promise to customers that the teams' own deadlines cannot keep. {@code escalation.coverage.check-on-startup=false}
 * turns the failure into a warning in the log.
 */
@Component
class OlaCoverageCheck implements ModelsDeployedListener {

  static final String FIX = "raise the row's target in SlaPolicy, or lower the OLA budgets in OlaBudget or count"
      + " them in an on-call calendar such as 24x7";

  private static final Logger LOG = LoggerFactory.getLogger(OlaCoverageCheck.class);

  private final OlaCoverage coverage;
  private final CoverageProperties properties;

  OlaCoverageCheck(OlaCoverage coverage, CoverageProperties properties) {
    this.coverage = coverage;
    this.properties = properties;
  }

  @Override
  public void modelsDeployed() {
    long started = System.nanoTime();
    List<OlaCoverage.RowCoverage> rows = coverage.check();
    List<String> problems = problems(rows);
    LOG.info("OLA coverage of {} rows of {} checked in {} ms: {}", rows.size(), OlaCoverage.DECISION,
        (System.nanoTime() - started) / 1_000_000, problems.isEmpty() ? "every row fits"
            : "clocks that do not fit: " + problems.size());
    if (problems.isEmpty()) {
      return;
    }
    OlaCoverageException failure = new OlaCoverageException(problems);
    if (properties.checkOnStartup()) {
      throw failure;
    }
    LOG.warn("{}\nStarting anyway because escalation.coverage.check-on-startup=false; {}.", failure.getMessage(), FIX);
  }

  /** One line per row, priority and clock that does not fit. */
  static List<String> problems(List<OlaCoverage.RowCoverage> rows) {
    List<String> problems = new ArrayList<>();
    for (OlaCoverage.RowCoverage row : rows) {
      for (OlaCoverage.PriorityCoverage priority : row.priorities()) {
        if (!priority.firstResponse().fits()) {
          problems.add(problem(row.row(), priority, "first-response", row.row().firstResponseTarget(),
              priority.route().subList(0, 1), priority.firstResponse()));
        }
        if (!priority.resolution().fits()) {
          problems.add(problem(row.row(), priority, "resolution", row.row().resolutionTarget(), priority.route(),
              priority.resolution()));
        }
      }
    }
    return problems;
  }

  private static String problem(SlaRow row, OlaCoverage.PriorityCoverage priority, String clock,
      Duration target, List<OlaLeg> legs, RouteFit.Result result) {
    return row.label() + ", " + priority.priority() + ": the " + clock + " clock (" + target + " on calendar "
        + row.calendar() + ") is shorter than the OLAs " + legs.stream().map(OlaLeg::toString)
        .collect(Collectors.joining(" + ")) + "; margin " + RouteFit.format(result.margin()) + " for a ticket opened "
        + result.worstStart() + "; " + FIX;
  }
}
