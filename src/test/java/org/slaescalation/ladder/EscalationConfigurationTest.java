package org.slaescalation.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/** A bad ladder or contact configuration stops start-up with a message naming the property. */
class EscalationConfigurationTest {

  @EnableConfigurationProperties({LadderProperties.class, ContactProperties.class})
  static class Config {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
          ValidationAutoConfiguration.class))
      .withUserConfiguration(Config.class)
      .withPropertyValues(
          "escalation.ladder.warning-percent=75", "escalation.ladder.critical-percent=90",
          "escalation.ladder.ola-warning-percent=75",
          "escalation.ladder.recipients.internal=team", "escalation.ladder.recipients.warning=team-lead",
          "escalation.ladder.recipients.critical=support-manager", "escalation.ladder.recipients.breach=support-manager",
          "escalation.ladder.recipients.ola-warning=team", "escalation.ladder.recipients.ola-breach=team-lead",
          "escalation.contacts.teams.support.team.email=s@example.com", "escalation.contacts.teams.support.team.zone=UTC",
          "escalation.contacts.teams.support.lead.email=sl@example.com", "escalation.contacts.teams.support.lead.zone=UTC",
          "escalation.contacts.teams.engineering.team.email=e@example.com",
          "escalation.contacts.teams.engineering.team.zone=UTC",
          "escalation.contacts.teams.engineering.lead.email=el@example.com",
          "escalation.contacts.teams.engineering.lead.zone=UTC",
          "escalation.contacts.teams.sysadmin.team.email=y@example.com", "escalation.contacts.teams.sysadmin.team.zone=UTC",
          "escalation.contacts.teams.sysadmin.lead.email=yl@example.com", "escalation.contacts.teams.sysadmin.lead.zone=UTC",
          "escalation.contacts.support-manager.email=m@example.com", "escalation.contacts.support-manager.zone=UTC",
          "escalation.contacts.account-manager.email=a@example.com", "escalation.contacts.account-manager.zone=UTC");

  @Test
  void theDefaultsShapeStarts() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(LadderProperties.class).warningPercent()).isEqualTo(75);
    });
  }

  @Test
  void aWarningAfterTheCriticalRungIsRefused() {
    runner.withPropertyValues("escalation.ladder.warning-percent=95").run(context ->
        assertThat(context).getFailure().rootCause()
            .hasMessageContaining("escalation.ladder.warning-percent must be below"));
  }

  @Test
  void anUnknownRoleIsRefused() {
    runner.withPropertyValues("escalation.ladder.recipients.breach=ceo").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("escalation.ladder.recipients"));
  }

  @Test
  void anUnknownZoneOrAddressIsRefused() {
    runner.withPropertyValues("escalation.contacts.support-manager.email=not-an-address").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("supportManager.email"));
    runner.withPropertyValues("escalation.contacts.support-manager.zone=Mars/Base").run(context ->
        assertThat(context).hasFailed());
  }
}
