package org.slaescalation.engine;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  /** Every service reads time from here: the engine clock, which tests move instead of sleeping. */
  @Bean
  Clock clock() {
    return new EngineClock();
  }

  /**
   * Flyway migrates only after the process engine has created or updated Camunda's tables, so that the service's
   * migrations may refer to them (V3 indexes {@code ACT_RU_JOB}). Both start from the data source and nothing else
   * orders them: on a fresh database Flyway could otherwise run first and find no {@code ACT_RU_JOB}.
   */
  @Bean
  static BeanFactoryPostProcessor flywayAfterProcessEngine() {
    return beanFactory -> {
      String[] engines = beanFactory.getBeanNamesForType(ProcessEngine.class, true, false);
      if (engines.length == 0) {
        return;
      }
      for (String flyway : beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false)) {
        BeanDefinition definition = beanFactory.getBeanDefinition(flyway);
        Set<String> dependsOn = new LinkedHashSet<>();
        if (definition.getDependsOn() != null) {
          dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
        }
        dependsOn.addAll(Arrays.asList(engines));
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    };
  }
}
