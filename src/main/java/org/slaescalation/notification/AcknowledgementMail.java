package org.slaescalation.notification;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The mail that tells the customer their ticket was received. */
@Service
public class AcknowledgementMail {

  /** What the acknowledgement says. */
  public record Ticket(String id, String subject, String customerName, String customerEmail) {}

  private final MailTemplates templates;
  private final MailDelivery delivery;
  private final MailSettings settings;

  public AcknowledgementMail(MailTemplates templates, MailDelivery delivery, MailSettings settings) {
    this.templates = templates;
    this.delivery = delivery;
    this.settings = settings;
  }

  public OutgoingMail compose(Ticket ticket) {
    MailTemplates.Bodies bodies = templates.render("acknowledgement", Map.of("ticket", ticket));
    return new OutgoingMail(
        List.of(ticket.customerEmail()),
        "[" + ticket.id() + "] We received your request: " + ticket.subject(),
        bodies.text(),
        bodies.html(),
        Map.of("X-Ticket-Id", ticket.id()),
        "<ack." + ticket.id() + "@" + settings.messageIdDomain() + ">");
  }

  public void send(Ticket ticket) {
    delivery.send(compose(ticket));
  }
}
