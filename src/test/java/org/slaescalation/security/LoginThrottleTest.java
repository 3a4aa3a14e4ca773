package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong passwords slow a client down, never lock the account. Time is a clock the test moves. */
class LoginThrottleTest {

  /** A clock that stands still until the test moves it. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2027-03-01T09:00:00Z");

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
      return now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }
  }

  final TestClock clock = new TestClock();
  final LoginThrottle throttle = new LoginThrottle(clock);

  @ParameterizedTest(name = "after {0} wrong passwords: wait {1} ({2})")
  @CsvSource(delimiter = '|', textBlock = """
      1  | PT0S  | a typo costs nothing
      3  | PT0S  | three attempts are free
      4  | PT1S  | then one second
      5  | PT2S  | twice as long after each further wrong password
      6  | PT4S  | ...
      8  | PT16S | ...
      9  | PT30S | never more than 30 s
      30 | PT30S | however many there were
      """)
  void theWaitGrowsWithConsecutiveWrongPasswordsUpTo30Seconds(int failures, Duration wait, String reason) {
    for (int i = 0; i < failures; i++) {
      throttle.failed("sam", "10.0.0.1");
    }

    assertThat(throttle.waitBefore("sam", "10.0.0.1")).as(reason).isEqualTo(wait);
  }

  @Test
  void afterThirtyWrongPasswordsTheRightOneIsCheckedWithin30Seconds() {
    for (int i = 0; i < 30; i++) {
      throttle.failed("sam", "10.0.0.1");
    }

    clock.advance(Duration.ofSeconds(29));
    assertThat(throttle.waitBefore("sam", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.waitBefore("sam", "10.0.0.1")).isZero();
  }

  @Test
  void anotherClientOfTheSameUserIsNotSlowedDown() {
    for (int i = 0; i < 30; i++) {
      throttle.failed("sam", "203.0.113.7");
    }

    assertThat(throttle.waitBefore("sam", "10.0.0.1")).isZero();
    assertThat(throttle.waitBefore("SAM", "203.0.113.7")).as("user ids are compared in lower case").isPositive();
  }

  @Test
  void aRightPasswordClearsTheCountOfThatUserAndClient() {
    for (int i = 0; i < 6; i++) {
      throttle.failed("sam", "10.0.0.1");
    }
    clock.advance(Duration.ofSeconds(30));

    throttle.succeeded("sam", "10.0.0.1");
    throttle.failed("sam", "10.0.0.1");

    assertThat(throttle.waitBefore("sam", "10.0.0.1")).isZero();
  }

  @Test
  void oneClientGuessingForManyUsersIsSlowedDownToo() {
    for (int i = 0; i < 101; i++) {
      throttle.failed("user" + i, "198.51.100.9");
    }

    assertThat(throttle.waitBefore("someone-else", "198.51.100.9")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.waitBefore("someone-else", "10.0.0.1")).isZero();
  }

  @Test
  void wrongPasswordsAreForgottenAfter15Minutes() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("sam", "10.0.0.1");
    }
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    throttle.failed("sam", "10.0.0.1");

    assertThat(throttle.waitBefore("sam", "10.0.0.1")).isZero();
  }
}
