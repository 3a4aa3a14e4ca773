package org.slaescalation.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

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

  /** The clocks: the two SLA clocks and one OLA clock per team. */
  public static final String FIRST_RESPONSE = "first-response";
  public static final String RESOLUTION = "resolution";
  public static final String OLA_PREFIX = "ola-";

  /** The level of a breach: the whole budget is used. */
  public static final int BREACHED = 100;

  private static final Pattern CLOCK = Pattern.compile("first-response|resolution|ola-[a-z0-9][a-z0-9_-]*");

  public EscalationNotice {
    if (ticketId == null || ticketId.isBlank()) {
      throw new IllegalArgumentException("An escalation needs a ticket id");
    }
    if (clock == null || !CLOCK.matcher(clock).matches()) {
      throw new IllegalArgumentException("Unknown clock '" + clock + "' of ticket " + ticketId
          + "; use first-response, resolution or ola-<team>");
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
    return clock.startsWith(OLA_PREFIX);
  }

  /** What is at risk, as the subject and body name it: "resolution SLA", "first response SLA", "support OLA". */
  public String atRisk() {
    if (ola()) {
      return clock.substring(OLA_PREFIX.length()) + " OLA";
    }
    return clock.replace('-', ' ') + " SLA";
  }
}
