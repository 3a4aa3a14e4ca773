package org.slaescalation.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.ticket.Category;
import org.slaescalation.ticket.Priority;
import org.slaescalation.ticket.Tier;

/** The shipped {@code SlaPolicy} table (processes/sla-policy.dmn), evaluated by Camunda's DMN engine. */
class SlaPolicyDecisionTest {

  private static DmnDecision decision;
  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @BeforeAll
  static void parse() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("processes/sla-policy.dmn"))) {
      decision = DMN.parseDecision("SlaPolicy", in);
    }
  }

  static DmnDecisionRuleResult evaluate(String tier, String priority, String category) {
    return evaluate("a-customer-without-contract", tier, priority, category);
  }

  static DmnDecisionRuleResult evaluate(String customerId, String tier, String priority, String category) {
    return DMN.evaluateDecisionTable(decision,
            Map.of("customerId", customerId, "tier", tier, "priority", priority, "category", category))
        .getSingleResult();
  }

  @ParameterizedTest(name = "{0} {1} {2}: first response {3}, resolution {4} on {5} ({6})")
  @CsvSource(delimiter = '|', textBlock = """
      enterprise | P1 | incident        | PT30M | PT4H   | 24x7    | outage for an enterprise customer runs round the clock
      business   | P2 | incident        | PT1H  | PT8H   | 24x7    | partial outage for a business customer runs round the clock
      standard   | P1 | incident        | PT1H  | PT8H   | 24x7    | standard outage also round the clock, looser targets
      free       | P1 | incident        | PT8H  | PT40H  | support | free tier is best effort even for an outage
      enterprise | P1 | billing         | PT4H  | PT32H  | support | a billing change is never urgent: the tier P3 targets
      standard   | P2 | account         | PT16H | PT80H  | support | an account change is never urgent either
      enterprise | P3 | billing         | PT4H  | PT32H  | support | P3 billing falls through to the tier matrix
      enterprise | P1 | bug             | PT30M | PT4H   | 24x7    | enterprise P1 matrix row
      business   | P3 | question        | PT8H  | PT40H  | support | business P3 matrix row
      free       | P4 | question        | PT40H | PT200H | support | free P4: slowest promise
      business   | P1 | feature-request | PT8H  | PT160H | support | feature requests are not urgent for anyone
      free       | P1 | feature-request | PT16H | PT160H | support | feature requests for smaller tiers: best effort
      """)
  void choosesTargetsByTierPriorityAndCategory(String tier, String priority, String category,
      String firstResponse, String resolution, String calendar, String reason) {
    DmnDecisionRuleResult row = evaluate(tier, priority, category);

    assertThat(row).as(reason).isNotNull();
    assertThat((String) row.getEntry("firstResponseTarget")).as(reason).isEqualTo(firstResponse);
    assertThat((String) row.getEntry("resolutionTarget")).as(reason).isEqualTo(resolution);
    assertThat((String) row.getEntry("calendar")).as(reason).isEqualTo(calendar);
  }

  @Test
  void aHighValueContractTakesPrecedenceOverTheTiersRow() {
    DmnDecisionRuleResult contract = evaluate("acme", "business", "P3", "bug");
    DmnDecisionRuleResult tier = evaluate("globex", "business", "P3", "bug");

    assertThat((String) contract.getEntry("resolutionTarget")).isEqualTo("PT32H");
    assertThat((Integer) contract.getEntry("internalTargetPercent")).isEqualTo(60);
    assertThat((String) tier.getEntry("resolutionTarget")).isEqualTo("PT40H");
    assertThat((Integer) tier.getEntry("internalTargetPercent")).isEqualTo(75);
    assertThat((String) evaluate("acme", "business", "P2", "bug").getEntry("resolutionTarget"))
        .as("the contract covers P3 only").isEqualTo("PT16H");
  }

  @Test
  void everyCombinationHasValidTargetsAndAStricterInternalTarget() {
    for (Tier tier : Tier.values()) {
      for (Priority priority : Priority.values()) {
        for (Category category : Category.values()) {
          String row = tier.code() + "/" + priority.code() + "/" + category.code();
          DmnDecisionRuleResult result = evaluate(tier.code(), priority.code(), category.code());
          assertThat(result).as(row).isNotNull();
          Duration firstResponse = Duration.parse(result.getEntry("firstResponseTarget"));
          Duration resolution = Duration.parse(result.getEntry("resolutionTarget"));
          assertThat(firstResponse).as(row).isPositive().isLessThanOrEqualTo(resolution);
          assertThat((Integer) result.getEntry("internalTargetPercent")).as(row).isBetween(50, 99);
          assertThat((String) result.getEntry("calendar")).as(row).isIn("support", "24x7");
        }
      }
    }
  }

  @Test
  void higherPriorityNeverGetsALongerPromiseWithinATierAndCategory() {
    for (Tier tier : Tier.values()) {
      for (Category category : Category.values()) {
        Duration previous = Duration.ZERO;
        for (Priority priority : Priority.values()) {
          Duration resolution = Duration.parse(evaluate(tier.code(), priority.code(), category.code())
              .getEntry("resolutionTarget"));
          assertThat(resolution).as(tier + "/" + category + "/" + priority).isGreaterThanOrEqualTo(previous);
          previous = resolution;
        }
      }
    }
  }
}
