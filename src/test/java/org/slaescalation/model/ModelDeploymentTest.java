package org.slaescalation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The application deploys every model in processes/ and sets up groups and Tasklist filters. */
@ApplicationTest
class ModelDeploymentTest {

  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;

  @Test
  void everyFileInProcessesIsDeployedInOneDeployment() throws IOException {
    Deployment deployment = repositoryService.createDeploymentQuery()
        .deploymentName(ModelDeployment.DEPLOYMENT_NAME).orderByDeploymentTime().desc().list().get(0);
    java.util.List<String> files;
    try (Stream<Path> list = Files.list(Path.of("processes"))) {
      files = list.map(p -> p.getFileName().toString()).sorted().toList();
    }

    assertThat(repositoryService.getDeploymentResources(deployment.getId()))
        .extracting(Resource::getName)
        .containsExactlyInAnyOrderElementsOf(files)
        .contains("ticket-escalation.bpmn", "sla-policy.dmn", "ola-budget.dmn", "triage-ticket.form");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("ticket-escalation")
        .deploymentId(deployment.getId()).count()).isOne();
    assertThat(repositoryService.createDecisionDefinitionQuery().deploymentId(deployment.getId()).list())
        .extracting(d -> d.getKey()).containsExactlyInAnyOrder("SlaPolicy", "OlaBudget");
  }

  @Test
  void theTeamGroupsAndTasklistFiltersExist() {
    assertThat(identityService.createGroupQuery().groupIdIn("support", "engineering", "sysadmin").count()).isEqualTo(3);
    assertThat(filterService.createFilterQuery().list())
        .extracting(f -> f.getName())
        .contains("Support queue", "Engineering queue", "Sysadmin queue", "My tasks", "All open tickets");
  }
}
