package org.slaescalation.businesstime;

import java.time.Duration;

/** Business time as people say it, for mails and forms. */
public final class BusinessTimeFormat {

  private BusinessTimeFormat() {}

  /**
   * {@code 2 h 30 min}, {@code 45 min}, {@code less than 1 min}: whole minutes, rounded down; the sign is ignored
   * (callers say "left" or "overdue").
   */
  public static String duration(Duration duration) {
    long minutes = duration.abs().toMinutes();
    if (minutes < 1) {
      return "less than 1 min";
    }
    long hours = minutes / 60;
    long rest = minutes % 60;
    if (hours == 0) {
      return rest + " min";
    }
    return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
  }
}
