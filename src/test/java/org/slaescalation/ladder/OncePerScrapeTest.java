package org.slaescalation.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A gauge family costs one query per scrape: a scrape reads each series once, all from one answer; the next scrape
 * (a series read again) queries anew, and so does a read of a few series after {@link OncePerScrape#MAX_AGE}.
 */
class OncePerScrapeTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2027-03-01T09:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private final AtomicInteger queries = new AtomicInteger();
  private final Map<String, Long> table = new HashMap<>(Map.of("running", 3L, "paused", 1L));
  private final OncePerScrape<String> family = new OncePerScrape<>(() -> {
    queries.incrementAndGet();
    return Map.copyOf(table);
  }, clock);

  @Test
  void aScrapeOfEverySeriesIsOneQuery() {
    assertThat(scrape()).containsExactly(3L, 1L, 0L);
    assertThat(queries).hasValue(1);
  }

  @Test
  void theNextScrapeSeesWhatChangedAlsoWithTheClockStandingStill() {
    scrape();
    table.put("paused", 2L);

    assertThat(scrape()).containsExactly(3L, 2L, 0L);
    assertThat(queries).hasValue(2);
  }

  @Test
  void aReadOfOtherSeriesLaterIsNotAnsweredFromAnOldAnswer() {
    family.value("running");
    table.put("paused", 2L);
    now.set(now.get().plus(OncePerScrape.MAX_AGE).plus(Duration.ofMillis(1)));

    assertThat(family.value("paused")).isEqualTo(2L);
    assertThat(queries).hasValue(2);
  }

  @Test
  void aClockSetBackDoesNotKeepAnAnswer() {
    family.value("running");
    table.put("paused", 2L);
    now.set(now.get().minusSeconds(60));

    assertThat(family.value("paused")).isEqualTo(2L);
  }

  private List<Long> scrape() {
    return List.of(family.value("running"), family.value("paused"), family.value("breached"));
  }
}
