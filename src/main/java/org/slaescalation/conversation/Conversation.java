package org.slaescalation.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slaescalation.notification.AcknowledgementMail;
import org.slaescalation.notification.MailDelivery;
import org.slaescalation.notification.OutgoingMail;
import org.slaescalation.notification.ReplyMail;
import org.springframework.stereotype.Service;

/**
 * A ticket's conversation: the customer's replies, the agents' replies to the customer and their internal notes, in
 * the order they were recorded. A reply is composed and stored when it is recorded, in the caller's transaction, and
 * mailed later by {@link #send} in a transaction of its own: a failed send retries the same message (same
 * Message-ID), and an SMTP outage delays a reply without losing it.
 */
@Service
public class Conversation {

  /** The ticket a reply belongs to, as its mail needs it. */
  public record Ticket(long number, String id, String subject, String customerName, String customerEmail,
      ZoneId customerZone) {}

  private final ConversationRepository repository;
  private final ReplyMail replyMail;
  private final AcknowledgementMail acknowledgement;
  private final MailDelivery delivery;
  private final Clock clock;

  public Conversation(ConversationRepository repository, ReplyMail replyMail, AcknowledgementMail acknowledgement,
      MailDelivery delivery, Clock clock) {
    this.repository = repository;
    this.replyMail = replyMail;
    this.acknowledgement = acknowledgement;
    this.delivery = delivery;
    this.clock = clock;
  }

  /**
   * Records a customer's message; {@code messageId} is its mail's Message-ID (null when it came another way). A
   * Message-ID recorded before is not recorded again: the message already recorded is returned.
   */
  public Message recordInbound(long ticketNumber, String author, String text, Instant at, String messageId) {
    if (messageId != null) {
      Optional<Message> known = repository.byMessageId(messageId);
      if (known.isPresent()) {
        return known.get();
      }
    }
    long id = repository.insert(ticketNumber, Direction.INBOUND, author, null, at, text, messageId);
    return repository.message(id).orElseThrow();
  }

  /**
   * Records what the customer answered another way (phone, chat), as the agent {@code author} of {@code team} noted
   * it: a message from the customer, never mailed.
   */
  public Message recordAnsweredAnotherWay(long ticketNumber, String author, String team, String text) {
    long id = repository.insert(ticketNumber, Direction.INBOUND, author, team, now(), text, null);
    return repository.message(id).orElseThrow();
  }

  /** Records an agent's internal note; it is never mailed. */
  public Message recordNote(long ticketNumber, String author, String team, String text) {
    long id = repository.insert(ticketNumber, Direction.INTERNAL, author, team, now(), text, null);
    return repository.message(id).orElseThrow();
  }

  /**
   * Records an agent's reply to the customer and composes its mail, threaded under the acknowledgement and the
   * earlier messages; {@link #send} mails it.
   */
  public Message recordReply(Ticket ticket, String author, String team, String text) {
    Instant at = now();
    List<String> references = new ArrayList<>();
    references.add(acknowledgement.messageId(ticket.id()));
    repository.messages(ticket.number()).stream().map(Message::messageId).filter(id -> id != null)
        .forEach(references::add);
    long id = repository.insert(ticket.number(), Direction.OUTBOUND, author, team, at, text, null);
    OutgoingMail mail = replyMail.compose(new ReplyMail.Reply(ticket.id(), ticket.subject(), ticket.customerName(),
        ticket.customerEmail(), ticket.customerZone(), text, at, replyMail.messageId(ticket.id(), id),
        references.get(references.size() - 1), references));
    repository.attachMail(id, mail);
    return repository.message(id).orElseThrow();
  }

  /**
   * Mails outbound message {@code id} unless it was sent already, and marks it sent; returns when it was sent. A
   * delivery failure throws and leaves it pending, for the caller's retry.
   */
  public Instant send(long id) {
    Optional<OutgoingMail> mail = repository.pendingMail(id);
    if (mail.isEmpty()) {
      return repository.message(id).map(Message::sentAt)
          .orElseThrow(() -> new IllegalStateException("Message " + id + " is not an outbound message"));
    }
    delivery.send(mail.get());
    Instant sentAt = now();
    repository.markSent(id, sentAt);
    return sentAt;
  }

  /** The ticket's messages, oldest first. */
  public List<Message> messages(long ticketNumber) {
    return repository.messages(ticketNumber);
  }

  public Optional<Message> message(long id) {
    return repository.message(id);
  }

  /** The message recorded with this mail Message-ID, to match a customer's answer to its ticket. */
  public Optional<Message> byMessageId(String messageId) {
    return repository.byMessageId(messageId);
  }

  /**
   * The conversation as text for a form, newest first: each message headed by its time in the agent's zone and in
   * the customer's, each labelled, and who wrote it.
   */
  public String thread(long ticketNumber, ZoneId agentZone, ZoneId customerZone) {
    List<Message> messages = new ArrayList<>(repository.messages(ticketNumber));
    if (messages.isEmpty()) {
      return "No messages yet.";
    }
    java.util.Collections.reverse(messages);
    StringBuilder text = new StringBuilder();
    for (Message message : messages) {
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      text.append("— ").append(TeamAndCustomerTime.format(message.at(), agentZone, customerZone)).append('\n')
          .append(heading(message)).append('\n')
          .append(message.text().strip());
    }
    return text.toString();
  }

  private static String heading(Message message) {
    String by = message.author() == null ? "" : " " + message.author();
    String team = message.team() == null ? "" : " (" + message.team() + ")";
    return switch (message.direction()) {
      case INBOUND -> message.team() != null ? "Customer, another way, as noted by" + by + team + ":"
          : "Customer" + (message.author() == null ? "" : " <" + message.author() + ">")
          + (message.messageId() == null ? ":" : ", by mail:");
      case OUTBOUND -> (message.author() == null ? "Automatic reply to the customer" + team
          : "Reply to the customer by" + by + team) + (message.sentAt() == null ? " (not mailed yet):" : ":");
      case INTERNAL -> "Internal note by" + by + team + ":";
    };
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
