package org.slaescalation.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slaescalation.clock.ClockName;

/**
 * One rung of the escalation ladder, as the timer that fires it knows it: which clock of which ticket,
 * how much of its budget is used, and who must act.
 *
 * @param ticketId the ticket, e.g. {@code T-10001}
 * @param subject the ticket's subject as the customer wrote it (escaped in HTML, one line in the mail subject)
 * @param priority {@code P1} … {@code P4}
 * @param tier the customer's tier, e.g. {@code enterprise}
 * @param customerName the customer
 * @param clock {@code first-response}, {@code resolution} (SLA clocks) or {@code ola-<team>}, e.g. {@code ola-support}
 * @param level percent of the clock's budget used when this rung fires, e.g. 75 or 90; 100 means breached
 * @param internalTarget whether this rung is the internal target (worded "internal target reached")
 * @param due when the clock's budget runs out (the contractual due instant, not the rung's)
 * @param remaining business time left until {@code due}; zero or negative when overdue
 * @param calendarName the business calendar {@code remaining} is counted in
 * @param team the team holding the ticket, e.g. {@code support}
 * @param taskId the Camunda task to act on, or null: the mail then links to the ticket
 * @param recipients who receive the mail (one mail to all of them)
 */
public record EscalationNotice(String ticketId, String subject, String priority, String tier, String customerName,
    String clock, int level, boolean internalTarget, Instant due, Duration remaining, String calendarName,
    String team, String taskId, List<Recipient> recipients) {

  /** The level of a breach: the whole budget is used. */
  public static final int BREACHED = 100;

  public EscalationNotice {
    if (ticketId == null || ticketId.isBlank()) {
      throw new IllegalArgumentException("An escalation needs a ticket id");
    }
    try {
      ClockName.of(clock);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " (ticket " + ticketId + ")", e);
    }
    if (level <= 0) {
      throw new IllegalArgumentException("Escalation level of ticket " + ticketId + " must be a positive percent,"
          + " got " + level);
    }
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(remaining, "remaining");
    Objects.requireNonNull(calendarName, "calendarName");
    recipients = List.copyOf(recipients);
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("An escalation of ticket " + ticketId + " needs at least one recipient");
    }
  }

  /** Whether the clock's budget is used up. */
  public boolean breached() {
    return level >= BREACHED;
  }

  /** Whether this is an OLA clock (a team's hand-off budget) rather than the customer's SLA. */
  public boolean ola() {
    return ClockName.of(clock).isOla();
  }

  /** What is at risk, as the subject and body name it: "resolution SLA", "first response SLA", "support OLA". */
  public String atRisk() {
    return ClockName.of(clock).atRisk();
  }

  /** What the rung says about the clock, as the subject names it: "90% used", "BREACHED". */
  public String status() {
    if (breached()) {
      return "BREACHED";
    }
    if (internalTarget()) {
      return "internal target reached (" + level + "% used)";
    }
    return level + "% used";
  }
}
