package org.slaescalation.board;

import java.util.Arrays;

/**
 * Where an open clock of the board stands, worst last: the row of a ticket takes the worst state of its open
 * clocks, so a ticket with one breached clock is {@code breached} whatever its others do.
 */
enum BoardState {
  /** Every clock of the row stands still: the ticket waits on the customer. */
  PAUSED("paused"),
  /** Counting, and below its warning rung. */
  RUNNING("running"),
  /** Counting, and its warning rung was recorded or its warning instant has passed: act before the breach. */
  AT_RISK("at-risk"),
  /** The budget ran out (recorded by the ladder, or its breach instant has passed); a breached clock stays so. */
  BREACHED("breached");

  private final String code;

  BoardState(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }

  static BoardState of(String code) {
    return Arrays.stream(values()).filter(state -> state.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown board state '" + code + "'"));
  }

  static BoardState worst(BoardState a, BoardState b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
