package org.slaescalation.ladder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.clock.ClockState;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.notification.EscalationMail;
import org.slaescalation.notification.EscalationNotice;
import org.slaescalation.notification.MailDelivery;
import org.slaescalation.notification.OutgoingMail;
import org.slaescalation.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The escalation ladder and its outbox. {@link #recordDue} finds every rung of a ticket that is due and not yet
 * recorded, records each breach, and writes the mails into the outbox in the caller's transaction: one mail per
 * instant and set of recipients, naming every rung they get at that instant. {@link #send} delivers one mail of the
 * outbox and marks it sent, in a transaction of its own. Delivery is at least once: only a crash between the mail
 * server's acceptance and the commit sends a mail again, with the same Message-ID.
 */
@Service
public class Escalations {

  private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);

  /**
   * What the escalation mails say about the ticket, and {@code accountManagerEmail}: the account manager of the
   * ticket's customer as its record names them, or null (the configured {@code escalation.contacts.account-manager}
   * then receives the account-manager rungs).
   */
  public record TicketFacts(String ticketId, long ticketNumber, String subject, String priority, String tier,
      String customerName, String team, String taskId, String accountManagerEmail) {}

  private final ClockStints stints;
  private final Ladder ladder;
  private final EscalationOutbox outbox;
  private final EscalationMail mail;
  private final MailDelivery delivery;
  private final LadderProperties properties;
  private final ContactProperties contacts;
  private final BusinessCalendars calendars;
  private final Clock clock;
  private final EscalationMeters meters;

  public Escalations(ClockStints stints, Ladder ladder, EscalationOutbox outbox, EscalationMail mail,
      MailDelivery delivery, LadderProperties properties, ContactProperties contacts, BusinessCalendars calendars,
      Clock clock, EscalationMeters meters) {
    this.stints = stints;
    this.ladder = ladder;
    this.outbox = outbox;
    this.mail = mail;
    this.delivery = delivery;
    this.properties = properties;
    this.contacts = contacts;
    this.calendars = calendars;
    this.clock = clock;
    this.meters = meters;
  }

  /**
   * Records the due rungs of every stint of the ticket that is neither met nor cancelled, and the breach of a stint
   * that ran out; returns the ids of the mails recorded, to be sent each on its own.
   */
  public List<Long> recordDue(TicketFacts ticket) {
    Instant now = clock.instant();
    List<DueRung> due = new ArrayList<>();
    Set<String> recorded = outbox.recorded(ticket.ticketNumber());
    for (ClockStint stint : stints.stints(ticket.ticketNumber())) {
      if (stint.state() == ClockState.MET || stint.state() == ClockState.CANCELLED) {
        continue;
      }
      for (Rung rung : Rung.values()) {
        Optional<Integer> percent = ladder.percent(stint, rung);
        if (percent.isEmpty()) {
          continue;
        }
        Instant dueAt = stints.dueAt(stint, percent.get());
        if (!dueAt.isAfter(now) && !recorded.contains(EscalationOutbox.key(stint, rung))) {
          due.add(new DueRung(stint, rung, percent.get(), dueAt));
        }
      }
    }
    List<Long> mails = new ArrayList<>();
    for (Map.Entry<Group, List<Addressed>> group : groups(ticket, due).entrySet()) {
      List<DueRung> rungs = group.getKey().rungs();
      List<Recipient> recipients = group.getValue().stream().map(Addressed::recipient).toList();
      List<EscalationNotice> notices = rungs.stream().map(rung -> notice(ticket, rung, recipients)).toList();
      OutgoingMail composed = mail.compose(notices);
      mails.add(outbox.record(ticket.ticketNumber(), group.getKey().dueAt(), group.getKey().holdUntil(), now,
          composed, rungs));
    }
    for (DueRung rung : due) {
      if (rung.rung() == Rung.BREACH) {
        stints.breach(rung.stint());
        LOG.warn("Ticket {}: {} breached (due {})", ticket.ticketId(), rung.stint().clock(), rung.dueAt());
      }
    }
    return mails;
  }

  /**
   * Sends mail {@code mailId} of the outbox, unless it was sent or cancelled, and marks it sent. A delivery failure
   * throws an exception naming the ticket, the clocks and the rungs, and leaves the mail pending.
   */
  public void send(long mailId, String ticketId) {
    EscalationOutbox.Entry entry = outbox.entry(mailId)
        .orElseThrow(() -> new IllegalStateException("Escalation mail " + mailId + " of ticket " + ticketId
            + " is not in the outbox"));
    if (entry.state() != EscalationOutbox.State.PENDING) {
      return;
    }
    try {
      delivery.send(entry.mail());
    } catch (RuntimeException e) {
      throw new EscalationNotSentException("Escalation of ticket " + ticketId + " (" + entry.rungNames() + ") to "
          + String.join(", ", entry.mail().to()) + " not sent: " + e.getMessage(), e);
    }
    Instant sentAt = clock.instant();
    if (outbox.markSent(mailId, sentAt)) {
      meters.sent(entry, sentAt);
    }
  }

  /** When a mail of the outbox may go: now, or when the recipients' calendar opens (P3 and P4 by default). */
  public Instant sendAt(long mailId) {
    Instant now = clock.instant();
    return outbox.holdUntil(mailId).filter(hold -> hold.isAfter(now)).orElse(now);
  }

  /** A ticket that ended another way than closing: mails still pending are not sent. */
  public void cancelPending(long ticketNumber) {
    outbox.cancelPending(ticketNumber);
  }

  /** The mails that go out: per due instant and hold, the recipients that get the same rungs. */
  private record Group(Instant dueAt, Instant holdUntil, List<DueRung> rungs) {}

  private record Addressed(Recipient recipient, Instant holdUntil) {}

  private Map<Group, List<Addressed>> groups(TicketFacts ticket, List<DueRung> due) {
    Map<Instant, List<DueRung>> byInstant = new TreeMap<>();
    due.forEach(rung -> byInstant.computeIfAbsent(rung.dueAt(), i -> new ArrayList<>()).add(rung));
    Map<Group, List<Addressed>> groups = new LinkedHashMap<>();
    for (Map.Entry<Instant, List<DueRung>> instant : byInstant.entrySet()) {
      Map<String, Addressed> byEmail = new LinkedHashMap<>();
      Map<String, Set<DueRung>> rungsByEmail = new LinkedHashMap<>();
      for (DueRung rung : instant.getValue()) {
        for (Addressed addressed : recipients(ticket, rung)) {
          byEmail.putIfAbsent(addressed.recipient().email(), addressed);
          rungsByEmail.computeIfAbsent(addressed.recipient().email(), e -> new LinkedHashSet<>()).add(rung);
        }
      }
      rungsByEmail.forEach((email, rungs) -> {
        Addressed addressed = byEmail.get(email);
        groups.computeIfAbsent(new Group(instant.getKey(), addressed.holdUntil(), List.copyOf(rungs)),
            g -> new ArrayList<>()).add(addressed);
      });
    }
    return groups;
  }

  private EscalationNotice notice(TicketFacts ticket, DueRung rung, List<Recipient> recipients) {
    ClockStint stint = rung.stint();
    return new EscalationNotice(ticket.ticketId(), ticket.subject(), ticket.priority(), ticket.tier(),
        ticket.customerName(), stint.clock().value(), rung.level(), rung.rung() == Rung.INTERNAL,
        stints.dueAt(stint, 100), stints.remaining(stint), stint.calendar(), team(ticket, stint),
        ticket.taskId(), recipients);
  }

  private static String team(TicketFacts ticket, ClockStint stint) {
    return stint.clock().team().orElse(ticket.team());
  }

  private List<Addressed> recipients(TicketFacts ticket, DueRung rung) {
    ClockStint stint = rung.stint();
    String team = team(ticket, stint);
    String key = (stint.clock().isOla() ? "ola-" : "") + rung.rung().code();
    boolean holds = properties.holdOutsideHours().contains(ticket.priority());
    List<Addressed> recipients = new ArrayList<>();
    for (String role : properties.recipients().getOrDefault(key, List.of())) {
      ContactProperties.Contact contact = switch (role) {
        case "team" -> teamContacts(team).team();
        case "team-lead" -> teamContacts(team).lead();
        case "support-manager" -> contacts.supportManager();
        case "account-manager" -> "enterprise".equals(ticket.tier()) ? accountManager(ticket) : null;
        default -> throw new IllegalStateException("escalation.ladder.recipients." + key + " names unknown role '"
            + role + "': use team, team-lead, support-manager or account-manager");
      };
      if (contact != null && recipients.stream().noneMatch(r -> r.recipient().email().equals(contact.email()))) {
        String calendar = contact.calendar() != null ? contact.calendar()
            : role.startsWith("team") ? team : "support";
        recipients.add(new Addressed(new Recipient(role, contact.email(), contact.zone()),
            holds ? holdUntil(calendar, rung.dueAt()) : null));
      }
    }
    if (recipients.isEmpty()) {
      // Nobody configured for this rung: the support manager hears of it rather than no one.
      ContactProperties.Contact manager = contacts.supportManager();
      recipients.add(new Addressed(new Recipient("support-manager", manager.email(), manager.zone()),
          holds ? holdUntil(manager.calendar() == null ? "support" : manager.calendar(), rung.dueAt()) : null));
    }
    return recipients;
  }

  /**
   * The customer's own account manager where its record names one, reading mail in the zone and calendar of the
   * configured account managers (they are staff, not the customer); otherwise the configured mailbox.
   */
  private ContactProperties.Contact accountManager(TicketFacts ticket) {
    ContactProperties.Contact configured = contacts.accountManager();
    String own = ticket.accountManagerEmail();
    return own == null || own.isBlank() ? configured
        : new ContactProperties.Contact(own, configured.zone(), configured.calendar());
  }

  /** When the recipient's calendar next opens, if it is closed at {@code due}; null when it is open. */
  private Instant holdUntil(String calendarName, Instant due) {
    if (!calendars.names().contains(calendarName)) {
      return null;
    }
    BusinessCalendar calendar = calendars.get(calendarName);
    return calendar.isOpen(due) ? null : calendar.nextOpening(due).orElse(null);
  }

  private ContactProperties.TeamContacts teamContacts(String team) {
    ContactProperties.TeamContacts teamContacts = contacts.teams().get(team);
    if (teamContacts == null) {
      throw new IllegalStateException("escalation.contacts.teams." + team + " is not configured");
    }
    return teamContacts;
  }
}
