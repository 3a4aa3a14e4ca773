package org.slaescalation.ladder;

import java.util.Arrays;

/** A step of a clock's escalation ladder. The percentages come from the ticket's policy and from configuration. */
public enum Rung {
  /** The internal target, stricter than the SLA ({@code internalTargetPercent} of decision SlaPolicy). */
  INTERNAL("internal"),
  /** First warning, by default at 75 % of the budget. */
  WARNING("warning"),
  /** Last warning, by default at 90 % of the budget. */
  CRITICAL("critical"),
  /** 100 %: the clock is breached. */
  BREACH("breach");

  private final String code;

  Rung(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Rung of(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown ladder rung '" + code + "'"));
  }
}
