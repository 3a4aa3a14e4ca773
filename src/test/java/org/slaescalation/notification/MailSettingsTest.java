package org.slaescalation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code escalation.mail.*} binds with defaults and refuses a public URL that links could not start with. */
class MailSettingsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(MailSettings.class)
  static class Settings {}

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Settings.class)
      .withPropertyValues("escalation.mail.from=support@example.com",
          "escalation.mail.message-id-domain=sla-escalation.local");

  @Test
  void publicUrlIsUnsetByDefaultSoThatLinksFollowTheServersOwnAddress() {
    runner.run(context -> assertThat(context.getBean(MailSettings.class).publicUrl()).isNull());
    runner.withPropertyValues("escalation.mail.public-url= ")
        .run(context -> assertThat(context.getBean(MailSettings.class).publicUrl()).isNull());
  }

  @Test
  void aTrailingSlashIsDropped() {
    runner.withPropertyValues("escalation.mail.public-url=https://escalation.example.com/support/")
        .run(context -> assertThat(context.getBean(MailSettings.class).publicUrl())
            .isEqualTo("https://escalation.example.com/support"));
  }

  @Test
  void aPublicUrlThatIsNotAnAbsoluteHttpAddressStopsStartUp() {
    runner.withPropertyValues("escalation.mail.public-url=escalation.example.com?x=1")
        .run(context -> assertThat(context).getFailure()
            .rootCause()
            .hasMessageContaining("escalation.mail.public-url")
            .hasMessageContaining("must be the absolute http(s) address"));
  }
}
