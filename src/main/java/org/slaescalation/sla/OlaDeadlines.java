package org.slaescalation.sla;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * A team's OLA budget: decision {@code OlaBudget} gives the budget and the calendar it counts in for the team and
 * the ticket's priority. The team's OLA clock ({@link SlaClocks#olaStint}) runs on it.
 */
@Component
public class OlaDeadlines {

  /** A team's budget for one task, from decision {@code OlaBudget}. */
  public record OlaBudget(Duration budget, String calendar) {}

  static final String DECISION = "OlaBudget";

  private final DecisionService decisionService;

  public OlaDeadlines(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** Evaluates decision {@code OlaBudget}; a missing row is a modelling error and fails loudly. */
  public OlaBudget budget(String team, String priority) {
    DmnDecisionRuleResult row = decisionService.evaluateDecisionTableByKey(DECISION)
        .variables(Map.of("team", team, "priority", priority))
        .evaluate()
        .getSingleResult();
    if (row == null) {
      throw new IllegalStateException("Decision " + DECISION + " has no row for team '" + team
          + "' and priority '" + priority + "'");
    }
    return new OlaBudget(Duration.parse(row.getEntry("budget")), row.getEntry("calendar"));
  }
}
