package org.slaescalation.clock;

import java.time.Duration;

/**
 * A clock's budget of business time, the calendar it counts in, and the decision row that set it.
 *
 * @param decision the decision key and version, e.g. {@code OlaBudget:2}
 */
public record Budget(Duration budget, String calendar, String decision) {}
