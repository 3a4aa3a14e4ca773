package org.slaescalation.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of the test suite (a context costs seconds, so every application test
 * shares this one): the whole application on a random port with the demo profile, an in-memory
 * H2 database and the job executor off, so that tests execute jobs themselves. Spring Boot's tests switch metrics
 * export off; the Prometheus registry is switched back on, so that {@code /actuator/prometheus} is what production
 * serves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:application-test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R2/PT1M",
    "management.prometheus.metrics.export.enabled=true"})
@ActiveProfiles("demo")
public @interface ApplicationTest {}
