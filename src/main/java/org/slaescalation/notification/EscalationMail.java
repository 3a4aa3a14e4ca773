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
import java.util.Comparator;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The mail of an escalation rung, or of the rungs that fell due at the same instant for the same recipients: one
 * mail to all its recipients, with headers that let mail rules and operators recognise it ({@code X-Ticket-Id},
 * {@code X-Escalation-Clock}, {@code X-Escalation-Level}, and {@code X-Escalation-Rungs} when it names several) and
 * a Message-ID derived from ticket, clocks, levels and due instant. The outbox stores the composed mail, so that a
 * resend is the same message.
 */
@Service
public class EscalationMail {

  static final String TEMPLATE = "escalation";

  private static final DateTimeFormatter MESSAGE_ID_DUE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz",
      Locale.ENGLISH);

  private final MailTemplates templates;
  private final MailSettings settings;
  private final PublicUrl publicUrl;

  @Autowired
  public EscalationMail(MailTemplates templates, MailSettings settings, PublicUrl publicUrl) {
    this.templates = templates;
    this.settings = settings;
    this.publicUrl = publicUrl;
  }

  /** Links start with {@code settings}' public URL ({@code http://localhost:8080} when it has none). */
  public EscalationMail(MailTemplates templates, MailSettings settings) {
    this(templates, settings, PublicUrl.of(settings));
  }

  /** The mail for {@code notice}, without sending it. */
  public OutgoingMail compose(EscalationNotice notice) {
    return compose(List.of(notice));
  }

  /**
   * One mail for rungs of one ticket that fell due at the same instant for the same recipients: it names each of
   * them, the highest level first. The recipients are those of the first notice.
   */
  public OutgoingMail compose(List<EscalationNotice> rungs) {
    if (rungs.isEmpty()) {
      throw new IllegalArgumentException("An escalation mail names at least one rung");
    }
    List<EscalationNotice> notices = rungs.stream()
        .sorted(Comparator.comparingInt(EscalationNotice::level).reversed()
            .thenComparing(n -> n.internalTarget() ? 1 : 0))
        .toList();
    EscalationNotice notice = notices.get(0);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("notice", notice);
    model.put("rungs", notices.stream().map(n -> new RungText(headline(n), timeLeft(n), dueLines(n))).toList());
    model.put("link", link(notice));
    model.put("linkLabel", notice.taskId() == null ? "Open the ticket" : "Open the task in Tasklist");
    MailTemplates.Bodies bodies = templates.render(TEMPLATE, model);

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Ticket-Id", notice.ticketId());
    headers.put("X-Escalation-Clock", notices.stream().map(EscalationNotice::clock).distinct()
        .collect(Collectors.joining(", ")));
    headers.put("X-Escalation-Level", Integer.toString(notice.level()));
    if (notices.size() > 1) {
      headers.put("X-Escalation-Rungs", notices.stream().map(EscalationMail::rungKey)
          .collect(Collectors.joining(", ")));
    }
    return new OutgoingMail(
        notice.recipients().stream().map(Recipient::email).distinct().toList(),
        subject(notices),
        bodies.text(),
        bodies.html(),
        headers,
        messageId(notices));
  }

  /** What the templates show of one rung. */
  public record RungText(String headline, String timeLeft, List<String> dueLines) {}

  /** {@code [T-10001] P1 resolution SLA 90% used: Checkout fails}. */
  static String subject(EscalationNotice notice) {
    return subject(List.of(notice));
  }

  /** {@code [T-10001] P1 resolution SLA 75% used + internal target reached (75% used): Checkout fails}. */
  static String subject(List<EscalationNotice> notices) {
    EscalationNotice first = notices.get(0);
    StringBuilder status = new StringBuilder(first.atRisk()).append(' ').append(first.status());
    for (EscalationNotice next : notices.subList(1, notices.size())) {
      status.append(" + ");
      if (!next.clock().equals(first.clock())) {
        status.append(next.atRisk()).append(' ');
      }
      status.append(next.status());
    }
    return "[" + first.ticketId() + "] " + first.priority() + " " + status + ": "
        + (first.subject() == null ? "" : first.subject());
  }

  /**
   * {@code <esc.T-10001.resolution.90.20270308T110000Z@domain>}; an internal-target rung has {@code -internal}
   * after its level, so that it differs from a ladder rung at the same percent. A mail naming several rungs joins
   * them with {@code +}: {@code <esc.T-10001.resolution.75+resolution.75-internal.20270308T110000Z@domain>}.
   */
  String messageId(EscalationNotice notice) {
    return messageId(List.of(notice));
  }

  String messageId(List<EscalationNotice> notices) {
    return "<esc." + atom(notices.get(0).ticketId()) + "."
        + notices.stream().map(EscalationMail::rungKey).collect(Collectors.joining("+")) + "."
        + MESSAGE_ID_DUE.format(notices.get(0).due()) + "@" + settings.messageIdDomain() + ">";
  }

  private static String rungKey(EscalationNotice notice) {
    return notice.clock() + "." + notice.level() + (notice.internalTarget() && !notice.breached() ? "-internal" : "");
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
      return publicUrl.get() + "/camunda/app/tasklist/default/#/?task=" + encode(notice.taskId());
    }
    return publicUrl.get() + "/api/tickets/" + encode(notice.ticketId());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

}
