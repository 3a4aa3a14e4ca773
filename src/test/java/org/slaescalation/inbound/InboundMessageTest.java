package org.slaescalation.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the service keeps of a customer's mail: the words they wrote, not the quoted history or the markup. */
class InboundMessageTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      an "On … wrote:" line ends the text        | Firefox.\\n\\nOn Mon, 1 Mar 2027, S wrote:\\n> Which?\\nold
      the line split in two, as Gmail wraps it   | Firefox.\\nOn Mon, 1 Mar 2027 at 10:20, S\\n<s@x.example> wrote:
      the German form                            | Firefox.\\nAm 01.03.2027 um 10:20 schrieb Support <s@x.example>:
      Outlook's separator                        | Firefox.\\n-----Original Message-----\\nFrom: Support
      quoted lines anywhere are dropped          | > Which browser?\\nFirefox.\\n>> older""")
  void theQuotedHistoryIsStripped(String reason, String text) {
    assertThat(InboundMessage.withoutQuotes(text.replace("\\n", "\n"))).as(reason).isEqualTo("Firefox.");
  }

  @Test
  void aMailThatIsNothingButQuotesKeepsItsText() {
    assertThat(InboundMessage.withoutQuotes("> only a quote\n")).isEqualTo("> only a quote");
  }

  @Test
  void theTextPartIsPreferred_andAnAttachmentIsNoText() throws Exception {
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(part("<p>HTML version</p>", "text/html; charset=utf-8"));
    alternative.addBodyPart(part("Plain version", "text/plain; charset=utf-8"));
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    MimeBodyPart attachment = part("log line 1", "text/plain; charset=utf-8");
    attachment.setFileName("server.log");
    MimeMultipart mixed = new MimeMultipart("mixed", attachment, body);
    MimeMessage mail = new MimeMessage(SESSION);
    mail.setFrom("Ops <Ops@ACME.example>");
    mail.setContent(mixed);
    mail.saveChanges();

    InboundMessage read = InboundMessage.read(reparsed(mail));

    assertThat(read.text()).isEqualTo("Plain version");
    assertThat(read.from()).isEqualTo("ops@acme.example");
  }

  @Test
  void htmlAloneIsReadAsText_withoutItsQuote() {
    assertThat(InboundMessage.withoutQuotes(InboundMessage.htmlAsText("<html><head><style>p{}</style></head><body>"
        + "<p>Fixed &amp; working</p><blockquote>Which browser?</blockquote></body></html>"))).isEqualTo(
        "Fixed & working");
  }

  @Test
  void theTextIsCappedAt20000Characters() throws Exception {
    MimeMessage mail = new MimeMessage(SESSION);
    mail.setFrom("ops@acme.example");
    mail.setText("x".repeat(25_000));
    mail.saveChanges();

    assertThat(InboundMessage.read(reparsed(mail)).text()).hasSize(InboundMessage.MAX_TEXT);
  }

  @Test
  void theThreadIsInReplyToThenReferencesNewestFirst() throws Exception {
    MimeMessage mail = new MimeMessage(SESSION);
    mail.setFrom("ops@acme.example");
    mail.setText("ok");
    mail.setHeader("In-Reply-To", "<b@x>");
    mail.setHeader("References", "<ack@x> <a@x>\r\n <b@x>");
    mail.saveChanges();

    assertThat(InboundMessage.read(reparsed(mail)).threadIds()).containsExactly("<b@x>", "<a@x>", "<ack@x>");
  }

  @Test
  void aMailWithoutMessageIdGetsOneDerivedFromItsContent_theSameEachTimeItIsRead() throws Exception {
    String raw = "From: ops@acme.example\r\nSubject: Hi\r\nDate: Mon, 1 Mar 2027 10:00:00 +0100\r\n\r\nHello\r\n";

    InboundMessage first = InboundMessage.read(new MimeMessage(SESSION, stream(raw)));
    InboundMessage again = InboundMessage.read(new MimeMessage(SESSION, stream(raw)));
    InboundMessage other = InboundMessage.read(new MimeMessage(SESSION, stream(raw.replace("Hello", "Bye"))));

    assertThat(first.messageId()).matches("<derived\\.[0-9a-f]{40}@inbound\\.invalid>").isEqualTo(again.messageId())
        .isNotEqualTo(other.messageId());
    assertThat(first.sentAt()).isEqualTo(Instant.parse("2027-03-01T09:00:00Z"));
  }

  private static MimeBodyPart part(String content, String type) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setContent(content, type);
    return part;
  }

  private static MimeMessage reparsed(MimeMessage mail) throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    mail.writeTo(bytes);
    return new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static ByteArrayInputStream stream(String raw) {
    return new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII));
  }
}
