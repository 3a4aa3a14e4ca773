package org.slaescalation.ticket;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/** A ticket id such as {@code T-10001}: the ticket number with a prefix agents can say on the phone. */
public final class TicketId {

  private static final String PREFIX = "T-";
  private static final Pattern FORMAT = Pattern.compile("T-(\\d{1,18})");

  private TicketId() {}

  public static String of(long number) {
    return PREFIX + number;
  }

  public static OptionalLong number(String ticketId) {
    if (ticketId == null) {
      return OptionalLong.empty();
    }
    var matcher = FORMAT.matcher(ticketId);
    return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
  }
}
