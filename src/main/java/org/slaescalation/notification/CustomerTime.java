package org.slaescalation.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An instant as every mail to the customer writes it, in the customer's zone and naming it:
 * {@code Monday 8 March 2027, 09:00 (America/New_York)}. One format, so that the acknowledgement, the replies and the
 * waiting notices never disagree on how a time reads.
 */
public final class CustomerTime {

  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

  private CustomerTime() {}

  public static String format(Instant instant, ZoneId zone) {
    return DAY_TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
  }
}
