package org.slaescalation.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code escalation.inbound-mail.*}: the defaults, the timeouts on both protocols, and what start-up refuses. */
class InboundMailPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(InboundMailProperties.class)
  static class Bound {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Bound.class);

  @Test
  void aHostAndALoginAreEnough_theRestHasDefaults_andEveryConnectionHasTimeouts() {
    runner.withPropertyValues("escalation.inbound-mail.host=imap.example.com",
        "escalation.inbound-mail.user=support", "escalation.inbound-mail.password=secret").run(context -> {
          InboundMailProperties properties = context.getBean(InboundMailProperties.class);
          assertThat(properties.protocol()).isEqualTo("imaps");
          assertThat(properties.effectivePort()).isEqualTo(993);
          assertThat(properties.folder()).isEqualTo("INBOX");
          assertThat(properties.pollInterval()).isEqualTo(Duration.ofMinutes(1));
          assertThat(properties.defaultPriority()).isEqualTo("P3");
          assertThat(properties.defaultCategory()).isEqualTo("question");
          assertThat(MailboxPoller.sessionProperties(properties)).containsEntry("mail.store.protocol", "imaps")
              .containsEntry("mail.imaps.connectiontimeout", "10000").containsEntry("mail.imaps.timeout", "10000")
              .containsEntry("mail.imaps.writetimeout", "10000").containsEntry("mail.imap.timeout", "10000")
              .containsEntry("mail.imaps.peek", "true").containsEntry("mail.imaps.ssl.checkserveridentity", "true");
        });
  }

  @Test
  void noHostReadsNoMailbox() {
    runner.run(context -> assertThat(context.getBean(InboundMailProperties.class).enabled()).isFalse());
  }

  @Test
  void aHostWithoutALoginStopsStartUp_namingTheProperty() {
    runner.withPropertyValues("escalation.inbound-mail.host=imap.example.com").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("escalation.inbound-mail.user"));
  }

  @Test
  void anUnknownPriorityStopsStartUp() {
    runner.withPropertyValues("escalation.inbound-mail.default-priority=urgent").run(context ->
        assertThat(context.getStartupFailure()).hasStackTraceContaining("defaultPriority"));
  }
}
