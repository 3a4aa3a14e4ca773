package org.slaescalation.clock;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a clock: {@code first-response} and {@code resolution} (the customer's SLA) or {@code ola-<team>}
 * (a team's hand-off budget, e.g. {@code ola-support}). The only place that spells the {@code ola-} prefix.
 */
public record ClockName(String value) {

  private static final String OLA_PREFIX = "ola-";
  private static final Pattern NAME = Pattern.compile("first-response|resolution|ola-[a-z0-9][a-z0-9_-]*");

  public static final ClockName FIRST_RESPONSE = new ClockName("first-response");
  public static final ClockName RESOLUTION = new ClockName("resolution");

  public ClockName {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException("Unknown clock '" + value + "'; use first-response, resolution or ola-<team>");
    }
  }

  public static ClockName of(String value) {
    return new ClockName(value);
  }

  /** The OLA clock of {@code team}, e.g. {@code ola-support}. */
  public static ClockName ola(String team) {
    return new ClockName(OLA_PREFIX + team);
  }

  public boolean isOla() {
    return value.startsWith(OLA_PREFIX);
  }

  /** The team of an OLA clock; empty for the SLA clocks. */
  public Optional<String> team() {
    return isOla() ? Optional.of(value.substring(OLA_PREFIX.length())) : Optional.empty();
  }

  /** What is at risk, as mails name it: "resolution SLA", "first response SLA", "support OLA". */
  public String atRisk() {
    return team().map(team -> team + " OLA").orElseGet(() -> value.replace('-', ' ') + " SLA");
  }

  @Override
  public String toString() {
    return value;
  }
}
