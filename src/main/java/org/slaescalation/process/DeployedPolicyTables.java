package org.slaescalation.process;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slaescalation.clock.Budget;
import org.slaescalation.coverage.PolicyTables;
import org.slaescalation.coverage.SlaRow;
import org.springframework.stereotype.Component;

/** The policy tables as deployed in the engine: the latest SlaPolicy's rows and decision OlaBudget. */
@Component
public class DeployedPolicyTables implements PolicyTables {

  private final RepositoryService repositoryService;
  private final OlaDeadlines olaDeadlines;

  public DeployedPolicyTables(RepositoryService repositoryService, OlaDeadlines olaDeadlines) {
    this.repositoryService = repositoryService;
    this.olaDeadlines = olaDeadlines;
  }

  @Override
  public String versions() {
    return latest(TicketApiClocks.SLA_DECISION, "sla-policy.dmn").getId() + " "
        + latest(OlaDeadlines.DECISION, "ola-budget.dmn").getId();
  }

  @Override
  public List<SlaRow> slaRows() {
    DecisionDefinition slaPolicy = latest(TicketApiClocks.SLA_DECISION, "sla-policy.dmn");
    return SlaPolicyRows.read(repositoryService.getDmnModelInstance(slaPolicy.getId()), TicketApiClocks.SLA_DECISION);
  }

  @Override
  public Budget olaBudget(String team, String priority) {
    return olaDeadlines.budget(team, priority);
  }

  private DecisionDefinition latest(String decisionKey, String file) {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("Decision " + decisionKey + " is not deployed: deploy processes/" + file);
    }
    return definition;
  }
}
