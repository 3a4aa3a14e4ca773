package org.slaescalation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A mail server that accepts connections and never answers: with the SMTP timeouts of application.yaml the send fails
 * after about 10 s (and the mail's job retries later) instead of holding the job thread forever.
 */
class MailTimeoutsTest {

  @Test
  void aSilentMailServerFailsTheSendWithinTheConfiguredTimeout() throws Exception {
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
          .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + silent.getLocalPort())
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
}
