package org.slaescalation.notification;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The mail that tells the customer their ticket was received and, in the customer's time zone, when to
 * expect the first response.
 */
@Service
public class AcknowledgementMail {

  /**
   * What the acknowledgement says.
   *
   * @param customerZone the customer's time zone; null: the SLA calendar's zone (or UTC)
   * @param firstResponse when the first response is due and why; null when the ticket has no SLA
   */
  public record Ticket(String id, String subject, String customerName, String customerEmail, ZoneId customerZone,
      FirstResponseExpectation firstResponse) {

    /** The zone the customer reads times in. */
    public ZoneId zone() {
      if (customerZone != null) {
        return customerZone;
      }
      return firstResponse == null ? ZoneOffset.UTC : firstResponse.calendarZone();
    }
  }

  private final MailTemplates templates;
  private final MailDelivery delivery;
  private final MailSettings settings;

  public AcknowledgementMail(MailTemplates templates, MailDelivery delivery, MailSettings settings) {
    this.templates = templates;
    this.delivery = delivery;
    this.settings = settings;
  }

  public OutgoingMail compose(Ticket ticket) {
    Map<String, Object> model = new HashMap<>();
    model.put("ticket", ticket);
    if (ticket.firstResponse() != null) {
      model.put("expectedBy", CustomerTime.format(ticket.firstResponse().due(), ticket.zone()));
    }
    MailTemplates.Bodies bodies = templates.render("acknowledgement", model);
    return new OutgoingMail(
        List.of(ticket.customerEmail()),
        "[" + ticket.id() + "] We received your request: " + ticket.subject(),
        bodies.text(),
        bodies.html(),
        Map.of("X-Ticket-Id", ticket.id()),
        messageId(ticket.id()));
  }

  /** The acknowledgement's Message-ID, which every reply of the thread refers to. */
  public String messageId(String ticketId) {
    return "<ack." + ticketId + "@" + settings.messageIdDomain() + ">";
  }

  public void send(Ticket ticket) {
    delivery.send(compose(ticket));
  }
}
