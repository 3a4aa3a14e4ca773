package org.slaescalation.clock;

/** Where a clock stands. */
public enum ClockState {
  RUNNING("running"),
  PAUSED("paused"),
  MET("met"),
  BREACHED("breached"),
  /** Stopped because the ticket was cancelled (its process instance deleted) before the clock was met. */
  CANCELLED("cancelled");

  private final String code;

  ClockState(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static ClockState of(String code) {
    for (ClockState state : values()) {
      if (state.code.equals(code)) {
        return state;
      }
    }
    throw new IllegalArgumentException("Unknown clock state '" + code + "'");
  }
}
