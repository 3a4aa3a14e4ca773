package org.slaescalation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slaescalation.support.ProcessTestEngine;

/** escalation.models.location: operators change the SLA tables in a folder, without a rebuild. */
class ModelsLocationTest {

  private final ProcessEngine engine = ProcessTestEngine.engine();
  private final RepositoryService repository = engine.getRepositoryService();

  @AfterEach
  void removeDeployments() {
    repository.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  private static void copyModels(Path target) throws Exception {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
  }

  private String firstResponseTarget() {
    return engine.getDecisionService().evaluateDecisionTableByKey("SlaPolicy")
        .variables(Map.of("customerId", "initech", "tier", "enterprise", "priority", "P1", "category", "bug"))
        .evaluate().getSingleResult().getEntry("firstResponseTarget");
  }

  @Test
  void deploysTheFilesOfTheFolderInsteadOfTheBuiltInOnes(@TempDir Path folder) throws Exception {
    copyModels(folder);
    Path table = folder.resolve("sla-policy.dmn");
    String xml = Files.readString(table);
    int row = xml.indexOf("<description>Enterprise P1</description>");
    int target = xml.indexOf("\"PT30M\"", row);
    Files.writeString(table, xml.substring(0, target) + "\"PT20M\"" + xml.substring(target + "\"PT30M\"".length()));

    new ModelDeployment(repository, new ModelsProperties(folder), List.of()).afterSingletonsInstantiated();

    assertThat(firstResponseTarget()).isEqualTo("PT20M");
    assertThat(repository.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).singleResult()
        .getSource()).isEqualTo(folder.toString());
  }

  @Test
  void unchangedFilesAreNotDeployedAgain(@TempDir Path folder) throws Exception {
    copyModels(folder);
    ModelDeployment deployment = new ModelDeployment(repository, new ModelsProperties(folder), List.of());

    deployment.afterSingletonsInstantiated();
    deployment.afterSingletonsInstantiated();

    assertThat(repository.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).count()).isOne();
    assertThat(firstResponseTarget()).isEqualTo("PT30M");
  }

  @Test
  void aFolderThatDoesNotExistStopsStartUpNamingTheProperty(@TempDir Path folder) {
    ModelDeployment deployment =
        new ModelDeployment(repository, new ModelsProperties(folder.resolve("missing")), List.of());

    assertThatThrownBy(deployment::afterSingletonsInstantiated)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("escalation.models.location=");
  }

  @Test
  void aFolderWithoutAProcessStopsStartUp(@TempDir Path folder) throws Exception {
    Files.copy(Path.of("processes/sla-policy.dmn"), folder.resolve("sla-policy.dmn"));
    ModelDeployment deployment = new ModelDeployment(repository, new ModelsProperties(folder), List.of());

    assertThatThrownBy(deployment::afterSingletonsInstantiated)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No .bpmn file in escalation.models.location=");
  }
}
