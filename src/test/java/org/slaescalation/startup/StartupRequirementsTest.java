package org.slaescalation.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.slaescalation.SlaEscalationApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * The service refuses to start without a first administrator, with authorization checks off, and in the
 * {@code prod} profile without a mail server or a production database; the message names each property.
 */
class StartupRequirementsTest {

  @Test
  void aPlainStartWithoutAnAdministratorFailsNamingTheProperties() {
    // As `java -jar` without a profile: the checks run before any bean, so nothing touches a database.
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(SlaEscalationApplication.class)
        .web(WebApplicationType.NONE)
        .properties("spring.datasource.url=jdbc:h2:mem:no-administrator;DB_CLOSE_DELAY=-1")
        .run());

    Throwable cause = failure;
    while (cause != null && !(cause instanceof StartupRequirementsException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("the failure of start-up").isNotNull()
        .hasMessageContaining("camunda.bpm.admin-user.id and camunda.bpm.admin-user.password")
        .hasMessageContaining("CAMUNDA_BPM_ADMIN_USER_ID");
  }

  @Test
  void theDemoProfileStartsAsItConfiguresAnAdministrator() {
    assertThat(StartupRequirements.problems(demo())).isEmpty();
  }

  @Test
  void authorizationChecksMustStayOn() {
    assertThat(StartupRequirements.problems(demo().withProperty("camunda.bpm.authorization.enabled", "false")))
        .singleElement().asString().startsWith("camunda.bpm.authorization.enabled is false");
  }

  @Test
  void prodNeedsAMailServerAndAProductionDatabase() {
    MockEnvironment prod = administrator(new MockEnvironment())
        .withProperty("spring.datasource.url", "jdbc:h2:file:./data/sla-escalation;DB_CLOSE_ON_EXIT=FALSE");
    prod.setActiveProfiles("prod");

    assertThat(StartupRequirements.problems(prod))
        .satisfiesExactly(
            mail -> assertThat(mail).startsWith("spring.mail.host is not set"),
            csat -> assertThat(csat).startsWith("escalation.csat.secret is not set").contains("32 characters"),
            database -> assertThat(database).startsWith("spring.datasource.url is the embedded H2 database"));
  }

  @Test
  void prodRunsOnPostgresqlOnly() {
    // The indexes, the start-up lock and the fault tests are PostgreSQL's; another database is untested.
    MockEnvironment prod = administrator(new MockEnvironment())
        .withProperty("spring.mail.host", "smtp.example.com")
        .withProperty("escalation.csat.secret", "0123456789abcdef0123456789abcdef")
        .withProperty("spring.datasource.url", "jdbc:mysql://db.example.com:3306/escalation");
    prod.setActiveProfiles("prod");

    assertThat(StartupRequirements.problems(prod)).singleElement().asString()
        .startsWith("spring.datasource.url is jdbc:mysql://db.example.com:3306/escalation")
        .contains("PostgreSQL");
  }

  @Test
  void prodStartsWithAnSmtpServerAndPostgresql() {
    MockEnvironment prod = administrator(new MockEnvironment())
        .withProperty("spring.mail.host", "smtp.example.com")
        .withProperty("escalation.csat.secret", "0123456789abcdef0123456789abcdef")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.com:5432/escalation");
    prod.setActiveProfiles("prod");

    assertThat(StartupRequirements.problems(prod)).isEmpty();
  }

  @Test
  void prodAndDemoExcludeEachOther() {
    MockEnvironment both = administrator(new MockEnvironment())
        .withProperty("spring.mail.host", "smtp.example.com")
        .withProperty("escalation.csat.secret", "0123456789abcdef0123456789abcdef")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.com:5432/escalation");
    both.setActiveProfiles("prod", "demo");

    assertThat(StartupRequirements.problems(both)).singleElement().asString()
        .contains("the profiles prod and demo exclude each other");
  }

  @Test
  void anEmptyAdministratorFromUnsetEnvironmentVariablesIsMissing() {
    MockEnvironment prod = new MockEnvironment()
        .withProperty("camunda.bpm.authorization.enabled", "true")
        .withProperty("camunda.bpm.admin-user.id", "")
        .withProperty("camunda.bpm.admin-user.password", "")
        .withProperty("spring.mail.host", "smtp.example.com")
        .withProperty("escalation.csat.secret", "0123456789abcdef0123456789abcdef")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db/escalation");
    prod.setActiveProfiles("prod");

    assertThat(StartupRequirements.problems(prod)).singleElement().asString()
        .startsWith("camunda.bpm.admin-user.id and camunda.bpm.admin-user.password");
  }

  private static MockEnvironment demo() {
    MockEnvironment demo = administrator(new MockEnvironment());
    demo.setActiveProfiles("demo");
    return demo;
  }

  private static MockEnvironment administrator(MockEnvironment environment) {
    return environment.withProperty("camunda.bpm.authorization.enabled", "true")
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "a-long-password-1");
  }
}
