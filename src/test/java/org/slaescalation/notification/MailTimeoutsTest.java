package org.slaescalation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A mail server that accepts connections and never answers: with the SMTP timeouts of application.yaml the send fails
 * after about 10 s (and the mail's job retries later) instead of holding the job thread forever. A server that answers
 * every command, each a little inside the read timeout, is cut off by {@code escalation.mail.send-timeout}: a send
 * never outlasts the job's lock.
 */
class MailTimeoutsTest {

  /**
   * SMTPS ({@code spring.mail.protocol=smtps}) reads {@code mail.smtps.*}, not {@code mail.smtp.*}: without its own
   * timeouts, a silent server holds the TLS handshake forever.
   */
  @ParameterizedTest
  @ValueSource(strings = {"smtp", "smtps"})
  void aSilentMailServerFailsTheSendWithinTheConfiguredTimeout(String protocol) throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (!silent.isClosed()) {
            accepted.add(silent.accept()); // and never a byte back
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      var shipped = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
          .get(0);
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
          .withInitializer(context -> context.getEnvironment().getPropertySources().addLast(shipped))
          .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + silent.getLocalPort(),
              "spring.mail.protocol=" + protocol)
          .run(context -> {
            SmtpMailDelivery delivery = new SmtpMailDelivery(context.getBean(JavaMailSender.class),
                "support@example.com", "silent");
            Instant start = Instant.now();
            // Without the timeouts the send never returns: the test gives up after 30 s instead of hanging the build.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> delivery.send(
                new OutgoingMail(List.of("lead@example.com"), "Subject", "text", "<p>html</p>", Map.of(),
                    "<test@example.com>")))
                .isInstanceOf(MailException.class));
            assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofSeconds(9),
                Duration.ofSeconds(20));
          });
      assertThat(accepted).as("the server did accept the connection").isNotEmpty();
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  /** Over SMTPS the deadline's socket carries Jakarta Mail's TLS layer: the TLS session is cut off just the same. */
  @ParameterizedTest
  @ValueSource(strings = {"smtp", "smtps"})
  void aServerThatAnswersEveryCommandSlowlyIsCutOffAtTheSendTimeout(String protocol) throws Exception {
    try (SlowMailServer slow = new SlowMailServer(Duration.ofSeconds(2), protocol.equals("smtps"))) {
      var shipped = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
          .get(0);
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
          .withInitializer(context -> context.getEnvironment().getPropertySources().addLast(shipped))
          .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + slow.port(),
              "spring.mail.protocol=" + protocol, "spring.mail.properties[mail.smtps.ssl.trust]=127.0.0.1",
              "spring.mail.properties[mail.smtps.ssl.checkserveridentity]=false")
          .run(context -> {
            // A send takes 8 answers, 2 s apart (16 s, each well inside the 10 s read timeout); the total is 5 s.
            MailDelivery delivery = new MailConfiguration().mailDelivery(context.getBeanProvider(JavaMailSender.class),
                context.getBeanProvider(MailProperties.class), new MailSettings("support@example.com",
                    "test.invalid", "http://localhost:8080", Duration.ofSeconds(5)), null, Clock.systemUTC());
            Instant start = Instant.now();
            MailException failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> catchThrowableOfType(
                MailException.class, () -> delivery.send(new OutgoingMail(List.of("lead@example.com"), "Subject",
                    "text", "<p>html</p>", Map.of(), "<slow@example.com>"))));
            assertThat(failure).as("the send fails").isNotNull();
            assertThat(Duration.between(start, Instant.now())).as("failed with %s", failure.getMostSpecificCause())
                .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
          });
      assertThat(slow.commands()).as("the server was answering, slowly").contains("EHLO");
    }
  }
}
