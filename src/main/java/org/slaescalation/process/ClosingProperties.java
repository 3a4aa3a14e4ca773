package org.slaescalation.process;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code escalation.reopen-within} (default {@code 10d}, calendar time): for how long after closing a reply of the
 * customer reopens the ticket. Later replies are kept in the closed ticket's conversation and reopen nothing.
 */
@ConfigurationProperties("escalation")
public record ClosingProperties(@DefaultValue("10d") Duration reopenWithin) {

  public ClosingProperties {
    if (reopenWithin.isNegative() || reopenWithin.isZero()) {
      throw new IllegalArgumentException("escalation.reopen-within must be positive, was " + reopenWithin);
    }
  }
}
