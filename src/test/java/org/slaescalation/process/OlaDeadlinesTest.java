package org.slaescalation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slaescalation.clock.Budget;
import org.slaescalation.support.ProcessTestEngine;

/**
 * The OLA budget a hand-off gets: the latest deployed version's answer, kept per version. A new version of the
 * decision (deployed on any node) counts for the next hand-off; the same question to the same version is not
 * evaluated again.
 */
class OlaDeadlinesTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  private ProcessEngine engine;
  private OlaDeadlines deadlines;
  private String shipped;
  private String edited;

  @BeforeEach
  void deployTheShippedDecision() throws Exception {
    engine = ProcessTestEngine.engine();
    deadlines = new OlaDeadlines(engine.getDecisionService(), engine.getRepositoryService());
    shipped = deploy(Files.readString(Path.of("processes/ola-budget.dmn")));
  }

  @AfterEach
  void undeploy() {
    for (String id : new String[] {edited, shipped}) {
      if (id != null) {
        engine.getRepositoryService().deleteDeployment(id, true);
      }
    }
  }

  @Test
  void aNewVersionOfTheDecisionCountsForTheNextHandOff() throws Exception {
    Budget before = deadlines.budget("support", "P1");
    assertThat(before.budget()).isEqualTo(Duration.ofMinutes(30));
    int version = Integer.parseInt(before.decision().substring("OlaBudget:".length()));

    String xml = Files.readString(Path.of("processes/ola-budget.dmn"));
    String changed = xml.replaceFirst("(<outputEntry id=\"OutputEntry_OlaBudget_01_Budget\"><text>)[^<]*", "$1\"PT45M\"");
    assertThat(changed).isNotEqualTo(xml);
    edited = deploy(changed);

    Budget after = deadlines.budget("support", "P1");
    assertThat(after.budget()).isEqualTo(Duration.ofMinutes(45));
    assertThat(after.decision()).isEqualTo("OlaBudget:" + (version + 1));
    assertThat(deadlines.budget("engineering", "P1").decision()).isEqualTo("OlaBudget:" + (version + 1));
  }

  @Test
  void theSameQuestionToTheSameVersionIsEvaluatedOnce() {
    long before = evaluations();
    Budget first = deadlines.budget("engineering", "P3");
    Budget again = deadlines.budget("engineering", "P3");
    deadlines.budget("engineering", "P4");

    assertThat(again).isEqualTo(first);
    assertThat(evaluations() - before).as("OlaBudget evaluations in the decision history").isEqualTo(2);
  }

  @Test
  void aTeamWithoutARowStillFailsLoudlyEveryTime() {
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> deadlines.budget("marketing", "P1")).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no row for team 'marketing'");
    }
  }

  private long evaluations() {
    return engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("OlaBudget")
        .count();
  }

  private String deploy(String xml) {
    Deployment deployment = engine.getRepositoryService().createDeployment().name("ola-deadlines-test")
        .addString("ola-budget.dmn", xml).deploy();
    return deployment.getId();
  }
}
