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
import org.slaescalation.team.Team;
import org.slaescalation.ticket.Category;
import org.slaescalation.ticket.Priority;
import org.slaescalation.ticket.Tier;

/** The shipped {@code OlaBudget} table (processes/ola-budget.dmn), and how it fits the SLA table. */
class OlaBudgetDecisionTest {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("processes/ola-budget.dmn"))) {
      decision = DMN.parseDecision("OlaBudget", in);
    }
    // The fit test below evaluates SlaPolicy too: do not depend on SlaPolicyDecisionTest having run first.
    SlaPolicyDecisionTest.parse();
  }

  static DmnDecisionRuleResult evaluate(String team, String priority) {
    return DMN.evaluateDecisionTable(decision, Map.of("team", team, "priority", priority)).getSingleResult();
  }

  @ParameterizedTest(name = "{0} {1}: {2} on calendar {3} ({4})")
  @CsvSource(delimiter = '|', textBlock = """
      support     | P1 | PT30M | 24x7        | urgent: on call, a round-the-clock SLA cannot wait for office hours
      support     | P2 | PT1H  | 24x7        | urgent: on call
      support     | P3 | PT4H  | support     | office hours of the team
      support     | P4 | PT8H  | support     | office hours of the team
      engineering | P1 | PT2H  | 24x7        | urgent: on call
      engineering | P2 | PT4H  | 24x7        | urgent: on call
      engineering | P3 | PT16H | engineering | office hours of the team
      engineering | P4 | PT24H | engineering | office hours of the team
      sysadmin    | P1 | PT1H  | sysadmin    | the sysadmin calendar is round the clock already
      sysadmin    | P3 | PT8H  | sysadmin    | the sysadmin calendar is round the clock already
      """)
  void givesUrgentTicketsAnOnCallBudgetAndOthersTheTeamsCalendar(
      String team, String priority, String budget, String calendar, String reason) {
    DmnDecisionRuleResult row = evaluate(team, priority);

    assertThat((String) row.getEntry("budget")).as(reason).isEqualTo(budget);
    assertThat((String) row.getEntry("calendar")).as(reason).isEqualTo(calendar);
  }

  @Test
  void everyTeamAndPriorityHasExactlyOneRow() {
    for (Team team : Team.values()) {
      for (Priority priority : Priority.values()) {
        DmnDecisionRuleResult row = evaluate(team.code(), priority.code());
        assertThat(row).as(team + "/" + priority).isNotNull();
        assertThat(Duration.parse(row.getEntry("budget"))).as(team + "/" + priority).isPositive();
      }
    }
  }

  /**
   * The nominal OLA budgets along the longest route (support, engineering, sysadmin) fit in every
   * resolution target, and the support budget in every first-response target. This guards the nominal table
   * values; {@link OlaCoverageTest} compares them in business time of their calendars, as start-up does.
   */
  @Test
  void budgetsAlongTheLongestRouteFitInsideTheSla() {
    for (Tier tier : Tier.values()) {
      for (Priority priority : Priority.values()) {
        Duration support = Duration.parse(evaluate("support", priority.code()).getEntry("budget"));
        Duration route = support
            .plus(Duration.parse(evaluate("engineering", priority.code()).getEntry("budget")))
            .plus(Duration.parse(evaluate("sysadmin", priority.code()).getEntry("budget")));
        for (Category category : Category.values()) {
          DmnDecisionRuleResult sla = SlaPolicyDecisionTest.evaluate(tier.code(), priority.code(), category.code());
          String row = tier + "/" + priority + "/" + category;
          assertThat(Duration.parse(sla.getEntry("resolutionTarget"))).as(row).isGreaterThanOrEqualTo(route);
          assertThat(Duration.parse(sla.getEntry("firstResponseTarget"))).as(row).isGreaterThanOrEqualTo(support);
        }
      }
    }
  }
}
