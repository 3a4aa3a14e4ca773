package org.slaescalation.process;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 *
 * <p>A deployed version of the decision never changes, so its answer for a team and a priority is kept: each
 * hand-off asks which version is the latest (a deployment on any node counts at once) and evaluates that version's
 * table only the first time. Evaluating it at every hand-off was on the stack of 16 % of a ticket's CPU samples on
 * its route (FEEL parses each cell it tests on every evaluation; docs/benchmarks.md, {@code ThroughputBenchmark}).
 * The clock stint records the version that set its budget ({@code budget_decision}, e.g. {@code OlaBudget:2}).
 */
@Component
public class OlaDeadlines {

  static final String DECISION = "OlaBudget";

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  /** Answers by decision version (its definition id), team and priority; 12 rows a version in the shipped table. */
  private final Cache<Question, Budget> answers = Caffeine.newBuilder().maximumSize(1_000).build();

  private record Question(String decisionDefinitionId, String team, String priority) {}

  public OlaDeadlines(DecisionService decisionService, RepositoryService repositoryService) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
  }

  /** The latest version of decision {@code OlaBudget}'s answer; a missing row is a modelling error and fails loudly. */
  public Budget budget(String team, String priority) {
    DecisionDefinition latest = latest(repositoryService, DECISION);
    return answers.get(new Question(latest.getId(), team, priority), question -> evaluate(latest, team, priority));
  }

  private Budget evaluate(DecisionDefinition latest, String team, String priority) {
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
