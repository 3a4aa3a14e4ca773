package org.slaescalation.notification;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Someone an escalation mail goes to.
 *
 * @param role why they receive it: {@code team}, {@code team-lead}, {@code support-manager}, {@code account-manager}
 * @param email their address
 * @param zone their time zone: the mail shows the due instant as local time in it
 */
public record Recipient(String role, String email, ZoneId zone) {

  public Recipient {
    Objects.requireNonNull(role, "role");
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("A recipient (" + role + ") needs an email address");
    }
    Objects.requireNonNull(zone, "zone");
    email = email.strip();
  }
}
