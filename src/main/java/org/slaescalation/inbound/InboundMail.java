package org.slaescalation.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slaescalation.conversation.Conversation;
import org.slaescalation.notification.MailSettings;
import org.slaescalation.ticket.NewTicket;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketNotFoundException;
import org.slaescalation.ticket.TicketService;
import org.slaescalation.ticket.TicketView;

/**
 * What a customer's mail does (docs/mail.md, "Inbound mail"). It belongs to the ticket whose message it answers
 * ({@code In-Reply-To}, then {@code References}, newest first: the acknowledgement, a reply, a customer's mail recorded
 * before, or the mail that opened the ticket), else to the ticket its subject names ({@code [T-10001]}); it is then
 * recorded as the customer's reply, which resumes a ticket waiting on the customer, if its sender is the ticket's
 * customer address or a known sender of the same customer. A mail that matches no ticket opens one when its sender is
 * known ({@link KnownSenders}). Anything else is rejected ({@link RejectedMails}). Each step is idempotent by the
 * mail's Message-ID, so a mail read again changes nothing.
 */
class InboundMail {

  /** What became of a mail. */
  enum Kind { REPLY, OPENED, REJECTED, DUPLICATE }

  record Outcome(Kind kind, String ticketId, RejectedMails.Reason reason) {}

  static final String EXTERNAL_ID_PREFIX = "mail:";
  private static final Pattern SUBJECT_TAG = Pattern.compile("\\[(T-\\d{1,18})]");
  private static final String NO_TEXT = "(no text)";

  private final TicketService tickets;
  private final Conversation conversation;
  private final RejectedMails rejected;
  private final KnownSenders senders;
  private final InboundMailProperties properties;
  private final Pattern ownMessageId;
  private final Clock clock;

  InboundMail(TicketService tickets, Conversation conversation, RejectedMails rejected, KnownSenders senders,
      InboundMailProperties properties, MailSettings mail, Clock clock) {
    this.tickets = tickets;
    this.conversation = conversation;
    this.rejected = rejected;
    this.senders = senders;
    this.properties = properties;
    this.ownMessageId = Pattern.compile("<(?:ack|reply)\\.(T-\\d{1,18})(?:\\.\\d+)?@" + Pattern.quote(
        mail.messageIdDomain()) + ">", Pattern.CASE_INSENSITIVE);
    this.clock = clock;
  }

  /** Records, opens or rejects; a failure (the database, a collision) throws, and the mail is read again later. */
  Outcome handle(InboundMessage mail) {
    if (conversation.byMessageId(mail.messageId()).isPresent()) {
      return new Outcome(Kind.DUPLICATE, null, null);
    }
    Optional<RejectedMails.Rejected> refusedBefore = rejected.byMessageId(mail.messageId());
    if (refusedBefore.isPresent()) {
      return new Outcome(Kind.DUPLICATE, null, null);
    }
    if (mail.from() == null) {
      return reject(mail, RejectedMails.Reason.NO_SENDER, "The mail names no sender address in From");
    }
    Optional<TicketView> ticket = ticketOf(mail);
    if (ticket.isPresent()) {
      TicketView answered = ticket.get();
      if (!mayAnswer(mail.from(), answered.customer())) {
        return reject(mail, RejectedMails.Reason.SENDER_NOT_ON_TICKET, mail.from() + " is not an address of "
            + answered.customer().id() + ", the customer of " + answered.id());
      }
      tickets.recordReply(answered.id(), text(mail), mail.from(), mail.messageId());
      return new Outcome(Kind.REPLY, answered.id(), null);
    }
    Optional<KnownSenders.Sender> sender = senders.byEmail(mail.from());
    if (sender.isEmpty()) {
      return reject(mail, RejectedMails.Reason.UNKNOWN_SENDER, "Matches no ticket, and " + mail.from()
          + " is no known customer's address");
    }
    KnownSenders.Sender known = sender.get();
    TicketService.OpenedTicket opened = tickets.open(new NewTicket(externalId(mail.messageId()), subject(mail),
        text(mail), properties.defaultPriority(), properties.defaultCategory(),
        new NewTicket.Customer(known.customerId(), known.name(), mail.from(), known.tier(), known.timeZone())));
    return new Outcome(opened.created() ? Kind.OPENED : Kind.DUPLICATE, opened.id(), null);
  }

  /** A mail whose headers or text could not be read: listed, with what could be read of it. */
  Outcome unreadable(String messageId, String from, String subject, String problem) {
    boolean recorded = rejected.record(now(), from, subject, messageId, RejectedMails.Reason.UNREADABLE,
        "Could not read the mail: " + problem, null);
    return new Outcome(recorded ? Kind.REJECTED : Kind.DUPLICATE, null, RejectedMails.Reason.UNREADABLE);
  }

  private Outcome reject(InboundMessage mail, RejectedMails.Reason reason, String detail) {
    boolean recorded = rejected.record(now(), mail.from(), mail.subject(), mail.messageId(), reason, detail,
        mail.text());
    return new Outcome(recorded ? Kind.REJECTED : Kind.DUPLICATE, null, reason);
  }

  private Optional<TicketView> ticketOf(InboundMessage mail) {
    for (String id : mail.threadIds()) {
      Optional<String> ticketId = conversation.byMessageId(id).map(message -> TicketId.of(message.ticketNumber()))
          .or(() -> own(id))
          .or(() -> tickets.idByExternalId(externalId(id)));
      Optional<TicketView> ticket = ticketId.flatMap(this::existing);
      if (ticket.isPresent()) {
        return ticket;
      }
    }
    Matcher tag = SUBJECT_TAG.matcher(mail.subject());
    while (tag.find()) {
      Optional<TicketView> ticket = existing(tag.group(1));
      if (ticket.isPresent()) {
        return ticket;
      }
    }
    return Optional.empty();
  }

  private Optional<String> own(String messageId) {
    Matcher matcher = ownMessageId.matcher(messageId);
    return matcher.matches() ? Optional.of(matcher.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
  }

  private Optional<TicketView> existing(String ticketId) {
    try {
      return Optional.of(tickets.get(ticketId));
    } catch (TicketNotFoundException unknown) {
      return Optional.empty();
    }
  }

  /** The ticket's own customer address, or a known sender of the ticket's customer. */
  private boolean mayAnswer(String from, TicketView.Customer customer) {
    if (customer.email() != null && customer.email().equalsIgnoreCase(from)) {
      return true;
    }
    return senders.byEmail(from).filter(sender -> sender.customerId().equals(customer.id())).isPresent();
  }

  /**
   * The external id of a ticket opened by a mail: {@code mail:<Message-ID>}, so that the mail read again opens no
   * second ticket (TicketService.open is idempotent by external id), hashed when it would be longer than 200.
   */
  static String externalId(String messageId) {
    String id = EXTERNAL_ID_PREFIX + messageId;
    if (id.length() <= 200) {
      return id;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
      return EXTERNAL_ID_PREFIX + "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static String text(InboundMessage mail) {
    return mail.text().isBlank() ? NO_TEXT : mail.text();
  }

  private static String subject(InboundMessage mail) {
    String subject = mail.subject().isBlank() ? "(no subject)" : mail.subject();
    return subject.length() <= 300 ? subject : subject.substring(0, 300);
  }

  private Instant now() {
    return clock.instant();
  }
}
