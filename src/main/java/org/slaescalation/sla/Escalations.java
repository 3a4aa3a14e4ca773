package org.slaescalation.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slaescalation.notification.EscalationMail;
import org.slaescalation.notification.EscalationNotice;
import org.slaescalation.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends every rung of a ticket's ladder that is due and not yet sent, and records the breach of a clock that ran
 * out. Whichever timer fired, the step sends all that is due, so rungs that fell due together (after an outage,
 * or a priority change) all go out, and none twice.
 */
@Service
public class Escalations {

  private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);

  /** What the escalation mails say about the ticket. */
  public record TicketFacts(String ticketId, long ticketNumber, String subject, String priority, String tier,
      String customerName, String team, String taskId) {}

  private final SlaClocks clocks;
  private final ClockRepository repository;
  private final EscalationMail mail;
  private final LadderProperties ladder;
  private final ContactProperties contacts;
  private final Clock clock;

  public Escalations(SlaClocks clocks, ClockRepository repository, EscalationMail mail, LadderProperties ladder,
      ContactProperties contacts, Clock clock) {
    this.clocks = clocks;
    this.repository = repository;
    this.mail = mail;
    this.ladder = ladder;
    this.contacts = contacts;
    this.clock = clock;
  }

  /** Sends the due rungs of every clock of the ticket that has not been met; returns how many were sent. */
  public int sendDue(TicketFacts ticket) {
    Instant now = clock.instant();
    int sent = 0;
    for (TicketClock ticketClock : clocks.clocks(ticket.ticketNumber())) {
      if (ticketClock.state() == ClockState.MET) {
        continue;
      }
      for (Rung rung : Rung.values()) {
        var percent = clocks.percent(ticketClock, rung);
        if (percent.isEmpty() || clocks.dueAt(ticketClock, rung).isAfter(now)
            || repository.wasSent(ticket.ticketNumber(), ticketClock.clock(), rung.code(), ticketClock.startedAt())) {
          continue;
        }
        send(ticket, ticketClock, rung, percent.get(), now);
        sent++;
      }
    }
    return sent;
  }

  private void send(TicketFacts ticket, TicketClock ticketClock, Rung rung, int percent, Instant now) {
    String team = ticketClock.isOla() ? ticketClock.clock().substring("ola-".length()) : ticket.team();
    List<Recipient> recipients = recipients(ticketClock, rung, team, ticket.tier());
    Instant breachAt = clocks.dueAt(ticketClock, Rung.BREACH);
    mail.send(new EscalationNotice(ticket.ticketId(), ticket.subject(), ticket.priority(), ticket.tier(),
        ticket.customerName(), ticketClock.clock(), percent, rung == Rung.INTERNAL, breachAt,
        clocks.remaining(ticketClock), ticketClock.calendar(), team, ticket.taskId(), recipients));
    repository.recordSent(ticket.ticketNumber(), ticketClock, rung, percent, clocks.dueAt(ticketClock, rung), now,
        recipients.stream().map(Recipient::email).collect(Collectors.joining(", ")));
    if (rung == Rung.BREACH && ticketClock.stoppedAt() == null) {
      clocks.save(ticketClock.with(ClockState.BREACHED, ticketClock.pausedSince(), ticketClock.paused(), null));
      LOG.warn("Ticket {}: {} breached (due {})", ticket.ticketId(), ticketClock.clock(), breachAt);
    }
  }

  private List<Recipient> recipients(TicketClock ticketClock, Rung rung, String team, String tier) {
    String key = (ticketClock.isOla() ? "ola-" : "") + rung.code();
    List<Recipient> recipients = new ArrayList<>();
    for (String role : ladder.recipients().getOrDefault(key, List.of())) {
      ContactProperties.Contact contact = switch (role) {
        case "team" -> teamContacts(team).team();
        case "team-lead" -> teamContacts(team).lead();
        case "support-manager" -> contacts.supportManager();
        case "account-manager" -> "enterprise".equals(tier) ? contacts.accountManager() : null;
        default -> throw new IllegalStateException("escalation.ladder.recipients." + key + " names unknown role '"
            + role + "': use team, team-lead, support-manager or account-manager");
      };
      if (contact != null && recipients.stream().noneMatch(r -> r.email().equals(contact.email()))) {
        recipients.add(new Recipient(role, contact.email(), contact.zone()));
      }
    }
    if (recipients.isEmpty()) {
      // Nobody configured for this rung: the support manager hears of it rather than no one.
      recipients.add(new Recipient("support-manager", contacts.supportManager().email(),
          contacts.supportManager().zone()));
    }
    return recipients;
  }

  private ContactProperties.TeamContacts teamContacts(String team) {
    ContactProperties.TeamContacts teamContacts = contacts.teams().get(team);
    if (teamContacts == null) {
      throw new IllegalStateException("escalation.contacts.teams." + team + " is not configured");
    }
    return teamContacts;
  }
}
