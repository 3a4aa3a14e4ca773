package org.slaescalation.ladder;

import java.time.Instant;
import org.slaescalation.clock.ClockStint;

/** A rung of a stint's ladder that is due: at {@code level} percent of the budget, at {@code dueAt}. */
public record DueRung(ClockStint stint, Rung rung, int level, Instant dueAt) {}
