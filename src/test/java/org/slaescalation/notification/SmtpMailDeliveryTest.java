package org.slaescalation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ShippedCalendars;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Escalation and acknowledgement mails through {@link SmtpMailDelivery} to a real SMTP server (GreenMail on a
 * free port), without a Spring context: what arrives is what the contract says, ticket text cannot add
 * headers or recipients, and an SMTP outage delays a mail without losing or duplicating it.
 */
class SmtpMailDeliveryTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final long WAIT_MILLIS = 10_000;

  GreenMail greenMail;
  SmtpMailDelivery delivery;
  EscalationMail escalations;
  AcknowledgementMail acknowledgements;

  @BeforeEach
  void startMailServer() {
    greenMail = start(ServerSetupTest.SMTP.dynamicPort());
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(greenMail.getSmtp().getBindTo());
    sender.setPort(greenMail.getSmtp().getPort());
    Properties timeouts = new Properties();
    timeouts.setProperty("mail.smtp.connectiontimeout", "5000");
    timeouts.setProperty("mail.smtp.timeout", "5000");
    timeouts.setProperty("mail.smtp.writetimeout", "5000");
    sender.setJavaMailProperties(timeouts);
    delivery = new SmtpMailDelivery(sender, "support@example.com", "greenmail");
    MailSettings settings = new MailSettings("support@example.com", "test.invalid", "https://escalation.example.com");
    escalations = new EscalationMail(new MailTemplates(), settings);
    acknowledgements = new AcknowledgementMail(new MailTemplates(), delivery, settings);
  }

  @AfterEach
  void stopMailServer() {
    greenMail.stop();
  }

  static GreenMail start(ServerSetup setup) {
    GreenMail server = new GreenMail(setup);
    server.start();
    return server;
  }

  static EscalationNotice notice(String subject, String customerName, Recipient... recipients) {
    return new EscalationNotice("T-10001", subject, "P1", "enterprise", customerName, "resolution", 90, false,
        Instant.parse("2027-03-08T11:00:00Z"), Duration.parse("PT2H30M"), "support", "support", "42",
        List.of(recipients));
  }

  static Recipient lead() {
    return new Recipient("team-lead", "lead@acme.test", AMSTERDAM);
  }

  @Test
  void anEscalationArrivesAsTextAndHtml_withTheContractHeadersAndItsMessageId() throws Exception {
    EscalationNotice notice = notice("Checkout fails", "ACME", lead(),
        new Recipient("support-manager", "manager@acme.test", NEW_YORK));

    sendEscalation(notice);

    assertThat(greenMail.waitForIncomingEmail(WAIT_MILLIS, 2)).isTrue();
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).as("one copy per recipient").hasSize(2);
    OutgoingMail composed = escalations.compose(notice);
    for (MimeMessage message : received) {
      assertThat(message.getHeader("X-Ticket-Id")).containsExactly("T-10001");
      assertThat(message.getHeader("X-Escalation-Clock")).containsExactly("resolution");
      assertThat(message.getHeader("X-Escalation-Level")).containsExactly("90");
      assertThat(message.getHeader("Message-ID"))
          .containsExactly("<esc.T-10001.resolution.90.20270308T110000Z@test.invalid>");
      assertThat(message.getSubject()).isEqualTo("[T-10001] P1 resolution SLA 90% used: Checkout fails");
      assertThat(message.getFrom()).containsExactly(new InternetAddress("support@example.com"));
      assertThat(message.getRecipients(Message.RecipientType.TO))
          .containsExactly(new InternetAddress("lead@acme.test"), new InternetAddress("manager@acme.test"));
      assertThat(message.isMimeType("multipart/*")).isTrue();
      assertThat(part(message, "text/plain")).isEqualTo(composed.textBody());
      assertThat(part(message, "text/html")).isEqualTo(composed.htmlBody())
          .contains("href=\"https://escalation.example.com/camunda/app/tasklist/default/#/?task=42\"");
    }
  }

  @Test
  void ticketTextIsEscapedInHtml_andRawInText() throws Exception {
    sendEscalation(notice("<script>alert('x')</script> & co", "Smith & <Sons>", lead()));

    assertThat(greenMail.waitForIncomingEmail(WAIT_MILLIS, 1)).isTrue();
    MimeMessage message = greenMail.getReceivedMessages()[0];
    assertThat(part(message, "text/html"))
        .doesNotContain("<script>", "<Sons>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
        .contains("Smith &amp; &lt;Sons&gt;");
    assertThat(part(message, "text/plain"))
        .contains("Subject:  <script>alert('x')</script> & co")
        .contains("Customer: Smith & <Sons> (enterprise)");
    assertThat(message.getSubject()).isEqualTo("[T-10001] P1 resolution SLA 90% used: <script>alert('x')</script> & co");
  }

  @Test
  void lineBreaksInTicketTextNeverCreateHeadersOrRecipients() throws Exception {
    String injected = "Checkout fails\r\nBcc: evil@example.com\r\nX-Escalation-Level: 0\n\nbody";
    sendEscalation(notice(injected, "ACME", lead()));
    acknowledgements.send(new AcknowledgementMail.Ticket("T-10001", injected, "Ann", "ann@acme.test", NEW_YORK,
        null));

    assertThat(greenMail.waitForIncomingEmail(WAIT_MILLIS, 2)).isTrue();
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).as("only the two real recipients got a mail").hasSize(2);
    assertThat(greenMail.getUserManager().getUserByEmail("evil@example.com")).isNull();
    int escalationsReceived = 0;
    for (MimeMessage message : received) {
      List<String> headerLines = Arrays.asList(GreenMailUtil.getHeaders(message).split("\r?\n"));
      assertThat(headerLines).filteredOn(line -> line.startsWith("Subject:")).hasSize(1);
      assertThat(headerLines).noneMatch(line -> line.regionMatches(true, 0, "Bcc:", 0, 4));
      assertThat(message.getHeader("Bcc")).isNull();
      assertThat(message.getAllRecipients()).hasSize(1);
      assertThat(message.getSubject()).endsWith("Checkout fails Bcc: evil@example.com X-Escalation-Level: 0 body");
      if (message.getHeader("X-Escalation-Clock") != null) {
        assertThat(message.getHeader("X-Escalation-Level")).containsExactly("90");
        escalationsReceived++;
      }
    }
    assertThat(escalationsReceived).isEqualTo(1);

  }

  @Test
  void theAcknowledgementOfAFridayEveningTicketFromNewYorkPromisesMonday_withTheOfficeHoursReason()
      throws Exception {
    // Friday 5 March 2027, 18:30 in New York; first response 4 h on the support calendar (Amsterdam office hours)
    FirstResponseExpectation firstResponse = FirstResponseExpectation.of(ShippedCalendars.get().get("support"),
        Instant.parse("2027-03-05T23:30:00Z"), Duration.ofHours(4), NEW_YORK);

    acknowledgements.send(new AcknowledgementMail.Ticket("T-10001", "Checkout fails", "Ann", "ann@acme.test",
        NEW_YORK, firstResponse));

    assertThat(greenMail.waitForIncomingEmail(WAIT_MILLIS, 1)).isTrue();
    MimeMessage message = greenMail.getReceivedMessages()[0];
    assertThat(part(message, "text/plain")).contains("""
        You can expect our first response by Monday 8 March 2027, 07:30 (America/New_York).
        Our support team works office hours (Europe/Amsterdam, Monday to Friday); requests sent outside them are \
        answered when we open.
        """);
    assertThat(part(message, "text/html")).contains("Monday 8 March 2027, 07:30 (America/New_York)");
    assertThat(message.getHeader("X-Ticket-Id")).containsExactly("T-10001");
    assertThat(message.getHeader("Message-ID")).containsExactly("<ack.T-10001@test.invalid>");
    assertThat(Collections.list(message.getAllHeaders()))
        .noneMatch(header -> header.getName().toLowerCase().startsWith("x-escalation"));
  }

  @Test
  void anSmtpOutageFailsTheSend_andTheRetryDeliversTheSameMessageOnce() throws Exception {
    EscalationNotice notice = notice("Checkout fails", "ACME", lead());
    int port = greenMail.getSmtp().getPort();
    greenMail.stop();

    assertThatThrownBy(() -> sendEscalation(notice))
        .as("the failure reaches the engine job, which keeps it for a retry")
        .isInstanceOf(MailException.class);

    greenMail = start(ServerSetupTest.SMTP.withPort(port));
    sendEscalation(notice);

    assertThat(greenMail.waitForIncomingEmail(WAIT_MILLIS, 1)).isTrue();
    assertThat(greenMail.getReceivedMessages()).singleElement().satisfies(message -> {
      assertThat(message.getHeader("Message-ID"))
          .containsExactly("<esc.T-10001.resolution.90.20270308T110000Z@test.invalid>");
      assertThat(message.getHeader("X-Escalation-Level")).containsExactly("90");
    });
  }

  /** The decoded content of the first part of that type, line breaks as the template wrote them. */
  static String part(Part part, String mimeType) throws Exception {
    String found = find(part, mimeType);
    assertThat(found).as("a %s part", mimeType).isNotNull();
    return found.replace("\r\n", "\n");
  }

  private static String find(Part part, String mimeType) throws Exception {
    if (part.isMimeType(mimeType)) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = find(body, mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private void sendEscalation(EscalationNotice notice) {
    delivery.send(escalations.compose(notice));
  }
}
