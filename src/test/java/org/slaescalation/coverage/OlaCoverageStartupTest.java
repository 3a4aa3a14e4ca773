package org.slaescalation.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.model.ModelsProperties;
import org.slaescalation.support.ProcessTestEngine;
import org.slaescalation.support.ShippedCalendars;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.slaescalation.process.DeployedPolicyTables;
import org.slaescalation.process.OlaDeadlines;

/**
 * Start-up with the real model deployment and coverage check on the standalone process-test engine: an edited
 * table in escalation.models.location that promises less than the OLAs need stops start-up naming the row, unless
 * escalation.coverage.check-on-startup=false.
 */
class OlaCoverageStartupTest {

  private final RepositoryService repository = ProcessTestEngine.engine().getRepositoryService();

  @AfterEach
  void removeDeployments() {
    repository.createDeploymentQuery().deploymentName("sla-escalation").list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  /** The deployment (package model) and the check (this package), on the standalone engine. */
  @Configuration(proxyBeanMethods = false)
  @ComponentScan(basePackageClasses = ModelsProperties.class)
  @EnableConfigurationProperties({ModelsProperties.class, CoverageProperties.class})
  @Import({OlaCoverage.class, OlaCoverageCheck.class, DeployedPolicyTables.class})
  static class ModelsAndCoverage {

    @Bean
    RepositoryService repositoryService() {
      return ProcessTestEngine.engine().getRepositoryService();
    }

    @Bean
    BusinessCalendars businessCalendars() {
      return ShippedCalendars.get();
    }

    @Bean
    OlaDeadlines olaDeadlines() {
      return new OlaDeadlines(ProcessTestEngine.engine().getDecisionService(),
          ProcessTestEngine.engine().getRepositoryService());
    }
  }

  private static ApplicationContextRunner runner(Path models) {
    return new ApplicationContextRunner()
        .withUserConfiguration(ModelsAndCoverage.class)
        .withPropertyValues("escalation.models.location=" + models);
  }

  /** The shipped models with enterprise P1 (row 11) cut from 4 h to 3 h: its 3 h 30 min route no longer fits. */
  private static Path modelsWithATooSmallTarget(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(file.getFileName()));
      }
    }
    Path table = folder.resolve("sla-policy.dmn");
    String entry = "<outputEntry id=\"OutputEntry_SlaPolicy_10_Resolution\"><text>\"PT4H\"</text></outputEntry>";
    String xml = Files.readString(table);
    assertThat(xml).contains(entry);
    Files.writeString(table, xml.replace(entry, entry.replace("PT4H", "PT3H")));
    return folder;
  }

  @Test
  void theShippedModelsStart(@TempDir Path folder) throws Exception {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(file.getFileName()));
      }
    }

    runner(folder).run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aRowWhoseOlasDoNotFitStopsStartUpNamingTheRowTheClockTheMarginAndTheFix(@TempDir Path folder)
      throws Exception {
    runner(modelsWithATooSmallTarget(folder)).run(context -> {
      assertThat(context).hasFailed();
      assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
          .isInstanceOf(OlaCoverageException.class)
          .hasMessageContaining("row 11 \"Enterprise P1\" (customerId any, tier \"enterprise\", priority \"P1\", category any), P1:"
              + " the resolution clock (PT3H on calendar 24x7) is shorter than the OLAs support PT30M (24x7)"
              + " + engineering PT2H (24x7) + sysadmin PT1H (sysadmin); margin -PT30M")
          .hasMessageContaining("raise the row's target in SlaPolicy, or lower the OLA budgets");
      FailureAnalysis analysis = new OlaCoverageFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("row 11 \"Enterprise P1\"");
      assertThat(analysis.getAction()).contains("escalation.coverage.check-on-startup=false");
    });
  }

  /**
   * Boot explains a start-up failure with the analyzers that {@code META-INF/spring.factories} names, loaded as its
   * {@code FailureAnalyzers} loads them (one that cannot be loaded is skipped): a wrong class name there leaves the
   * operator with a bare stack trace, and this test without an analyzer that explains the row.
   */
  @Test
  void bootFindsTheAnalyzerThatExplainsTheRowThroughSpringFactories(@TempDir Path folder) throws Exception {
    List<FailureAnalyzer> registered = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
        .load(FailureAnalyzer.class, ArgumentResolver.none(), FailureHandler.handleMessage((message, failure) -> {}));
    runner(modelsWithATooSmallTarget(folder)).run(context -> {
      assertThat(context).hasFailed();
      assertThat(registered.stream().map(analyzer -> analyzer.analyze(context.getStartupFailure()))
          .filter(Objects::nonNull).map(FailureAnalysis::getDescription))
          .anySatisfy(description -> assertThat(description).contains("row 11 \"Enterprise P1\""));
    });
  }

  @Test
  void theCheckCanBeSwitchedOffForAnEmergency(@TempDir Path folder) throws Exception {
    runner(modelsWithATooSmallTarget(folder))
        .withPropertyValues("escalation.coverage.check-on-startup=false")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(OlaCoverage.class).check().get(10).fits()).isFalse();
        });
  }
}
