package org.slaescalation.conversation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An instant as the forms show it to an agent: in the team's zone, and in the customer's when that differs
 * ({@code Thu 4 Mar 2027, 10:00 Europe/Amsterdam (your team) · 04:00 America/New_York (customer)}; the customer's
 * date only when it is another day). One format for the conversation and the waiting summary.
 */
public final class TeamAndCustomerTime {

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
      Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private TeamAndCustomerTime() {}

  /** {@code customerZone} may be null (not known): then the team's time only. */
  public static String format(Instant at, ZoneId teamZone, ZoneId customerZone) {
    String team = DAY_TIME.format(at.atZone(teamZone)) + " " + teamZone.getId() + " (your team)";
    if (customerZone == null || customerZone.getRules().equals(teamZone.getRules())) {
      return team;
    }
    var customer = at.atZone(customerZone);
    boolean sameDay = customer.toLocalDate().equals(at.atZone(teamZone).toLocalDate());
    return team + " · " + (sameDay ? TIME : DAY_TIME).format(customer) + " " + customerZone.getId() + " (customer)";
  }
}
