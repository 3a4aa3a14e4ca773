package org.slaescalation.notification;

import java.net.URLEncoder;
import org.slaescalation.businesstime.BusinessTimeFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The mail of one escalation rung: one mail to all its recipients, with headers that let mail rules and
 * operators recognise it ({@code X-Ticket-Id}, {@code X-Escalation-Clock}, {@code X-Escalation-Level}) and a
 * Message-ID derived from ticket, clock, level and due instant, so that a resend is the same message.
 */
@Service
public class EscalationMail {

  static final String TEMPLATE = "escalation";

  private static final DateTimeFormatter MESSAGE_ID_DUE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz",
      Locale.ENGLISH);

  private final MailTemplates templates;
  private final MailDelivery delivery;
  private final MailSettings settings;

  public EscalationMail(MailTemplates templates, MailDelivery delivery, MailSettings settings) {
    this.templates = templates;
    this.delivery = delivery;
    this.settings = settings;
  }

  /** The mail for {@code notice}, without sending it. */
  public OutgoingMail compose(EscalationNotice notice) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("notice", notice);
    model.put("headline", headline(notice));
    model.put("timeLeft", timeLeft(notice));
    model.put("dueLines", dueLines(notice));
    model.put("link", link(notice));
    model.put("linkLabel", notice.taskId() == null ? "Open the ticket" : "Open the task in Tasklist");
    MailTemplates.Bodies bodies = templates.render(TEMPLATE, model);

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Ticket-Id", notice.ticketId());
    headers.put("X-Escalation-Clock", notice.clock());
    headers.put("X-Escalation-Level", Integer.toString(notice.level()));
    return new OutgoingMail(
        notice.recipients().stream().map(Recipient::email).distinct().toList(),
        subject(notice),
        bodies.text(),
        bodies.html(),
        headers,
        messageId(notice));
  }

  /**
   * Sends the mail for {@code notice}. A delivery failure throws, so that the engine job that calls this
   * retries it; the retry sends the same Message-ID.
   */
  public void send(EscalationNotice notice) {
    delivery.send(compose(notice));
  }

  /** {@code [T-10001] P1 resolution SLA 90% used: Checkout fails}. */
  static String subject(EscalationNotice notice) {
    String status;
    if (notice.breached()) {
      status = "BREACHED";
    } else if (notice.internalTarget()) {
      status = "internal target reached (" + notice.level() + "% used)";
    } else {
      status = notice.level() + "% used";
    }
    return "[" + notice.ticketId() + "] " + notice.priority() + " " + notice.atRisk() + " " + status + ": "
        + (notice.subject() == null ? "" : notice.subject());
  }

  /**
   * {@code <esc.T-10001.resolution.90.20270308T110000Z@domain>}; an internal-target rung has {@code -internal}
   * after its level, so that it differs from a ladder rung at the same percent.
   */
  String messageId(EscalationNotice notice) {
    return "<esc." + atom(notice.ticketId()) + "." + notice.clock() + "." + notice.level()
        + (notice.internalTarget() && !notice.breached() ? "-internal" : "") + "."
        + MESSAGE_ID_DUE.format(notice.due()) + "@" + settings.messageIdDomain() + ">";
  }

  /** Keeps a Message-ID's local part a dot-atom (RFC 5322) whatever the ticket id holds. */
  private static String atom(String value) {
    return value.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static String headline(EscalationNotice notice) {
    String what = "The " + notice.atRisk() + " of ticket " + notice.ticketId();
    if (notice.breached()) {
      return what + " is breached.";
    }
    if (notice.internalTarget()) {
      return what + " has reached its internal target: " + notice.level() + "% of its budget is used.";
    }
    return what + " has used " + notice.level() + "% of its budget.";
  }

  private static String timeLeft(EscalationNotice notice) {
    Duration remaining = notice.remaining();
    String calendar = " (calendar " + notice.calendarName() + ")";
    if (remaining.isNegative()) {
      return "Overdue by " + BusinessTimeFormat.duration(remaining.negated()) + " of business time" + calendar + ".";
    }
    if (remaining.isZero()) {
      return "No business time left" + calendar + ".";
    }
    return BusinessTimeFormat.duration(remaining) + " of business time left" + calendar + ".";
  }

  /** One line per distinct recipient zone, in the order the recipients come. */
  private static List<String> dueLines(EscalationNotice notice) {
    String verb = notice.remaining().isNegative() ? "Was due " : "Due ";
    return notice.recipients().stream()
        .map(Recipient::zone)
        .distinct()
        .map(zone -> verb + localDue(notice, zone))
        .toList();
  }

  /** {@code Mon 8 Mar 2027, 12:00 CET (Europe/Amsterdam)}. */
  static String localDue(EscalationNotice notice, ZoneId zone) {
    return LOCAL_DUE.format(notice.due().atZone(zone)) + " (" + zone.getId() + ")";
  }

  private String link(EscalationNotice notice) {
    if (notice.taskId() != null) {
      return settings.publicUrl() + "/camunda/app/tasklist/default/#/?task=" + encode(notice.taskId());
    }
    return settings.publicUrl() + "/api/tickets/" + encode(notice.ticketId());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

}
