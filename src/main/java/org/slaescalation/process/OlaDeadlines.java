package org.slaescalation.process;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slaescalation.clock.Budget;
import org.springframework.stereotype.Component;

/**
 * A team's OLA budget: decision {@code OlaBudget} gives the budget and the calendar it counts in for the team and
 * the ticket's priority. The team's OLA clock ({@link org.slaescalation.clock.ClockStints#startOrResumeOla}) runs on it.
 */
@Component
public class OlaDeadlines {

  static final String DECISION = "OlaBudget";

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;

  public OlaDeadlines(DecisionService decisionService, RepositoryService repositoryService) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
  }

  /** Evaluates decision {@code OlaBudget}; a missing row is a modelling error and fails loudly. */
  public Budget budget(String team, String priority) {
    DecisionDefinition latest = latest(repositoryService, DECISION);
    DmnDecisionRuleResult row = decisionService.evaluateDecisionTableById(latest.getId())
        .variables(Map.of("team", team, "priority", priority))
        .evaluate()
        .getSingleResult();
    if (row == null) {
      throw new IllegalStateException("Decision " + DECISION + " has no row for team '" + team
          + "' and priority '" + priority + "'");
    }
    return new Budget(Duration.parse(row.getEntry("budget")), row.getEntry("calendar"), version(latest));
  }

  /** The latest deployed version of decision {@code key}. */
  static DecisionDefinition latest(RepositoryService repositoryService, String key) {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("Decision " + key + " is not deployed");
    }
    return definition;
  }

  /** {@code OlaBudget:2}: which decision and version set a budget. */
  static String version(DecisionDefinition definition) {
    return definition.getKey() + ":" + definition.getVersion();
  }
}
