package org.slaescalation.businesstime;

import java.time.Duration;

/** Business time as people say it, for mails and forms. */
public final class BusinessTimeFormat {

  private BusinessTimeFormat() {}

  /**
   * {@code 2 d 4 h}, {@code 2 h 30 min}, {@code 45 min}, {@code less than 1 min}: whole minutes, rounded down; a day
   * is 24 hours of business time, as in the SLA tables ({@code P2D}); the sign is ignored (callers say "left" or
   * "overdue").
   */
  public static String duration(Duration duration) {
    long minutes = duration.abs().toMinutes();
    if (minutes < 1) {
      return "less than 1 min";
    }
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long rest = minutes % 60;
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append(" d");
    }
    if (hours > 0) {
      text.append(text.isEmpty() ? "" : " ").append(hours).append(" h");
    }
    if (rest > 0) {
      text.append(text.isEmpty() ? "" : " ").append(rest).append(" min");
    }
    return text.toString();
  }
}
