package org.slaescalation.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends through the SMTP server configured with the standard {@code spring.mail.*} properties. */
public class SmtpMailDelivery implements MailDelivery {

  private final JavaMailSender sender;
  private final String from;
  private final String server;

  public SmtpMailDelivery(JavaMailSender sender, String from, String server) {
    this.sender = sender;
    this.from = from;
    this.server = server;
  }

  @Override
  public void send(OutgoingMail mail) throws MailException {
    MimeMessage message = new FixedIdMimeMessage(mail.messageId());
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(mail.to().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.textBody(), mail.htmlBody());
      for (var header : mail.headers().entrySet()) {
        message.setHeader(header.getKey(), header.getValue());
      }
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot build mail " + mail.messageId(), e);
    }
    sender.send(message);
  }

  @Override
  public String describe() {
    return "SMTP server " + server;
  }

  /** Keeps the Message-ID the service derived: a resent mail is recognisable as the same message. */
  private static final class FixedIdMimeMessage extends MimeMessage {

    private final String messageId;

    FixedIdMimeMessage(String messageId) {
      super(Session.getInstance(new Properties()));
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
