package org.slaescalation.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * An agent's reply to the customer, threaded under the acknowledgement: subject {@code [T-10001] <subject>}, header
 * {@code X-Ticket-Id}, {@code In-Reply-To} the message it answers (the acknowledgement for the first reply) and
 * {@code References} the earlier messages of the thread; no {@code X-Escalation-*} header. Times are the customer's.
 */
@Service
public class ReplyMail {

  /**
   * What the reply says and where it belongs in the thread.
   *
   * @param messageId  this reply's Message-ID
   * @param inReplyTo  the Message-ID of the message it answers
   * @param references the Message-IDs of the thread before it, oldest first (the acknowledgement first)
   */
  public record Reply(String ticketId, String subject, String customerName, String customerEmail, ZoneId customerZone,
      String text, Instant writtenAt, String messageId, String inReplyTo, List<String> references) {

    public Reply {
      references = List.copyOf(references);
    }
  }

  /** At most this many Message-IDs in {@code References}: the first of the thread and the latest ones. */
  static final int MAX_REFERENCES = 12;

  private final MailTemplates templates;
  private final MailSettings settings;

  public ReplyMail(MailTemplates templates, MailSettings settings) {
    this.templates = templates;
    this.settings = settings;
  }

  /** {@code <reply.T-10001.42@domain>}: ticket and message number, the same whenever the reply is sent again. */
  public String messageId(String ticketId, long messageNumber) {
    return "<reply." + ticketId.replaceAll("[^A-Za-z0-9_-]", "_") + "." + messageNumber + "@"
        + settings.messageIdDomain() + ">";
  }

  public OutgoingMail compose(Reply reply) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reply", reply);
    model.put("writtenAt", CustomerTime.format(reply.writtenAt(), reply.customerZone()));
    MailTemplates.Bodies bodies = templates.render("reply", model);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Ticket-Id", reply.ticketId());
    headers.put("In-Reply-To", reply.inReplyTo());
    headers.put("References", String.join(" ", trimmed(reply.references())));
    return new OutgoingMail(List.of(reply.customerEmail()), "[" + reply.ticketId() + "] " + reply.subject(),
        bodies.text(), bodies.html(), headers, reply.messageId());
  }

  /** RFC 5322 allows a long {@code References} to drop Message-IDs between the first and the latest ones. */
  private static List<String> trimmed(List<String> references) {
    if (references.size() <= MAX_REFERENCES) {
      return references;
    }
    List<String> kept = new java.util.ArrayList<>();
    kept.add(references.get(0));
    kept.addAll(references.subList(references.size() - (MAX_REFERENCES - 1), references.size()));
    return kept;
  }
}
