package org.slaescalation.ladder;

import java.time.Instant;
import java.util.Optional;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.springframework.stereotype.Component;

/** The rungs of a stint's ladder: at which percent of its budget each applies, and when it is due. */
@Component
public class Ladder {

  private final LadderProperties properties;
  private final ClockStints stints;

  public Ladder(LadderProperties properties, ClockStints stints) {
    this.properties = properties;
    this.stints = stints;
  }

  /** The percent of budget at which {@code rung} fires on {@code stint}, or empty when the rung does not apply. */
  public Optional<Integer> percent(ClockStint stint, Rung rung) {
    boolean ola = stint.clock().isOla();
    return switch (rung) {
      case BREACH -> Optional.of(100);
      case WARNING -> Optional.of(ola ? properties.olaWarningPercent() : properties.warningPercent());
      case CRITICAL -> ola ? Optional.empty() : Optional.of(properties.criticalPercent());
      case INTERNAL -> ola ? Optional.empty() : Optional.ofNullable(stint.internalPercent());
    };
  }

  /** When {@code rung} of {@code stint} is due, counting pauses so far; empty when the rung does not apply. */
  public Optional<Instant> dueAt(ClockStint stint, Rung rung) {
    return percent(stint, rung).map(percent -> stints.dueAt(stint, percent));
  }
}
