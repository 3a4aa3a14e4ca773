package org.slaescalation.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ProcessTestEngine;
import org.slaescalation.support.ShippedCalendars;
import org.slaescalation.process.DeployedPolicyTables;
import org.slaescalation.process.OlaDeadlines;

/**
 * The coverage check on decision tables deployed to a standalone engine: the shipped tables fit, and an edited
 * table that promises less than the OLAs need is reported row by row.
 */
class OlaCoverageTest {

  private static final String DEPLOYMENT = "ola-coverage-test";

  private final ProcessEngine engine = ProcessTestEngine.engine();
  private final RepositoryService repository = engine.getRepositoryService();
  private final OlaCoverage coverage = new OlaCoverage(new DeployedPolicyTables(repository,
      new OlaDeadlines(engine.getDecisionService(), engine.getRepositoryService())), ShippedCalendars.get());

  @AfterEach
  void removeDeployments() {
    repository.createDeploymentQuery().deploymentName(DEPLOYMENT).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  private void deploy(String slaPolicy, String olaBudget) {
    repository.createDeployment().name(DEPLOYMENT)
        .addString("sla-policy.dmn", slaPolicy)
        .addString("ola-budget.dmn", olaBudget)
        .deploy();
  }

  private static String shipped(String file) throws Exception {
    return Files.readString(Path.of("processes", file));
  }

  /** Replaces the text of one output entry, found by its id. */
  private static String withOutput(String xml, String outputEntryId, String text) {
    int entry = xml.indexOf("<outputEntry id=\"" + outputEntryId + "\">");
    assertThat(entry).as(outputEntryId).isPositive();
    int start = xml.indexOf("<text>", entry) + "<text>".length();
    int end = xml.indexOf("</text>", start);
    return xml.substring(0, start) + text + xml.substring(end);
  }

  @Test
  void everyRowOfTheShippedTablesFits() throws Exception {
    deploy(shipped("sla-policy.dmn"), shipped("ola-budget.dmn"));

    List<OlaCoverage.RowCoverage> rows = coverage.check();

    assertThat(rows).hasSize(26);
    assertThat(OlaCoverageCheck.problems(rows)).isEmpty();
    assertThat(rows).allMatch(OlaCoverage.RowCoverage::fits);
  }

  @Test
  void namesTheRowsOfTheTableAndTheirPriorities() throws Exception {
    deploy(shipped("sla-policy.dmn"), shipped("ola-budget.dmn"));

    List<OlaCoverage.RowCoverage> rows = coverage.check();

    assertThat(rows.get(2).row().label()).isEqualTo("row 3 \"Partial outage for a paying business customer: round"
        + " the clock\" (customerId any, tier \"enterprise\",\"business\", priority \"P2\", category \"incident\")");
    assertThat(rows.get(4).row().priorities()).containsExactly("P1", "P2");
    assertThat(rows.get(9).row().label()).endsWith("(customerId any, tier any, priority any, category \"feature-request\")");
    assertThat(rows.get(9).row().priorities()).containsExactly("P1", "P2", "P3", "P4");
  }

  /**
   * Row 2 (enterprise and business P1 incident, 24x7): the P1 route is support 30 min + engineering 2 h, both on
   * 24x7, + sysadmin 1 h (round the clock) = 3 h 30 min of wall-clock time, whenever the ticket comes: 30 min to
   * spare in 4 h; the support OLA uses the whole 30 min first-response target.
   */
  @Test
  void aRoundTheClockRowHasTheSameMarginAtEveryStart() throws Exception {
    deploy(shipped("sla-policy.dmn"), shipped("ola-budget.dmn"));

    OlaCoverage.PriorityCoverage p1 = coverage.check().get(1).priorities().get(0);

    assertThat(p1.resolution().margin()).isEqualTo(Duration.ofMinutes(30));
    assertThat(p1.firstResponse().margin()).isZero();
    assertThat(p1.fits()).isTrue();
  }

  /**
   * Row 13 (enterprise P3, 32 h on support) cut to 8 h: the P3 route alone is 4 h of support, 16 h of engineering
   * and 8 h of sysadmin time, so it cannot fit; the check names the row, the clock and the negative margin.
   */
  @Test
  void aTooSmallResolutionTargetIsReportedNamingTheRow() throws Exception {
    deploy(withOutput(shipped("sla-policy.dmn"), "OutputEntry_SlaPolicy_12_Resolution", "\"PT8H\""),
        shipped("ola-budget.dmn"));

    List<OlaCoverage.RowCoverage> rows = coverage.check();

    assertThat(rows.get(12).fits()).isFalse();
    assertThat(rows.get(12).priorities().get(0).resolution().margin()).isNegative();
    assertThat(rows.stream().filter(row -> !row.fits())).extracting(row -> row.row().index()).containsExactly(13);
    assertThat(OlaCoverageCheck.problems(rows)).singleElement().asString()
        .startsWith("row 13 \"Enterprise P3\" (customerId any, tier \"enterprise\", priority \"P3\", category any), P3: the"
            + " resolution clock (PT8H on calendar support) is shorter than the OLAs support PT4H (support)"
            + " + engineering PT16H (engineering) + sysadmin PT8H (sysadmin); margin -PT")
        .contains("raise the row's target");
  }

  /**
   * The shipped tables before this check: support and engineering P1/P2 OLAs on office hours cannot fit the
   * round-the-clock P1 and P2 rows over a weekend (a Friday-evening outage waits for Monday morning).
   */
  @Test
  void officeHourOlasDoNotFitARoundTheClockSla() throws Exception {
    String olaBudget = shipped("ola-budget.dmn");
    for (String rule : List.of("01", "02")) {
      olaBudget = withOutput(olaBudget, "OutputEntry_OlaBudget_" + rule + "_Calendar", "\"support\"");
    }
    for (String rule : List.of("05", "06")) {
      olaBudget = withOutput(olaBudget, "OutputEntry_OlaBudget_" + rule + "_Calendar", "\"engineering\"");
    }
    deploy(shipped("sla-policy.dmn"), olaBudget);

    List<OlaCoverage.RowCoverage> rows = coverage.check();

    assertThat(rows.stream().filter(row -> !row.fits()).map(row -> row.row().index()))
        .containsExactly(2, 3, 4, 11, 12, 15);
    assertThat(rows.get(1).priorities().get(0).resolution().margin()).isLessThan(Duration.ofHours(-24));
  }

  @Test
  void anOutputThatIsNotALiteralNamesTheRow() throws Exception {
    deploy(withOutput(shipped("sla-policy.dmn"), "OutputEntry_SlaPolicy_05_Resolution", "resolutionTarget"),
        shipped("ola-budget.dmn"));

    assertThatThrownBy(coverage::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("row 6 \"Billing and account changes are never urgent: business P3 targets at most\"")
        .hasMessageContaining("output resolutionTarget must be a string literal");
  }
}
