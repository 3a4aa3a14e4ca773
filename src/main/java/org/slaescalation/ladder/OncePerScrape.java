package org.slaescalation.ladder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The answer of one grouped query, shared by the series of a gauge family, so that a scrape costs one query per
 * family and not one per series. Micrometer reads each series on its own; the first series a scrape reads runs the
 * query, and the others take their value from that answer. A scrape reads each series once, so a series read again
 * from the same answer belongs to the next scrape and runs the query anew. An answer older than {@link #MAX_AGE} is
 * not used either, so that reading a few of the series (as {@code /actuator/metrics/<name>?tag=...} does) never
 * shows an old answer.
 *
 * <p>Public for the meters of other features that read the database at each scrape (the survey's answers).
 *
 * @param <K> what names a series, e.g. its tag values
 */
public final class OncePerScrape<K> {

  static final Duration MAX_AGE = Duration.ofSeconds(1);

  private final Supplier<Map<K, Long>> query;
  private final Clock clock;
  private final Set<K> read = new HashSet<>();
  private Map<K, Long> answer;
  private Instant answeredAt;

  public OncePerScrape(Supplier<Map<K, Long>> query, Clock clock) {
    this.query = query;
    this.clock = clock;
  }

  /** The value of series {@code key}: 0 when the answer has no row for it. */
  public synchronized long value(K key) {
    Instant now = clock.instant();
    if (answer == null || read.contains(key) || now.isBefore(answeredAt) || now.isAfter(answeredAt.plus(MAX_AGE))) {
      answer = query.get();
      answeredAt = now;
      read.clear();
    }
    read.add(key);
    return answer.getOrDefault(key, 0L);
  }
}
