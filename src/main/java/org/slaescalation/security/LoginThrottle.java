package org.slaescalation.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down guessing passwords without ever locking an account.
 *
 * <p>Wrong passwords are counted per user and client address, and per client address across users (guessing a few
 * passwords for many users; the allowance is large, because many people may share one address). The first
 * {@link #FREE_FAILURES_PER_USER} wrong passwords for a user from one client (or {@link #FREE_FAILURES_PER_CLIENT}
 * from one client in all) cost nothing; each further one makes that client wait before its next attempt is checked:
 * 1 s after the first of them, twice as long after each one after it, never more than {@link #MAX_DELAY}. An attempt
 * during the wait is refused without checking the password, so waiting is the only way on; a right password clears
 * the count of that user and client. Failures older than {@link #FORGET_AFTER} are forgotten.
 *
 * <p>So nobody can lock an account: whatever a caller does, the user logs in from another client at once, and from
 * the same client at most {@link #MAX_DELAY} after the caller's last wrong password. The counts are kept in memory,
 * per node, for a bounded number of users and clients.
 */
public final class LoginThrottle {

  static final int FREE_FAILURES_PER_USER = 3;
  static final int FREE_FAILURES_PER_CLIENT = 100;
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofSeconds(30);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  private static final int MAX_ENTRIES = 100_000;

  /** Consecutive wrong passwords, and when the last one was checked. */
  private record Failures(int count, Instant last) {}

  private final Cache<String, Failures> failures = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code client} must wait before a password for {@code user} is checked; zero when it is checked now. */
  public Duration waitBefore(String user, String client) {
    Instant now = clock.instant();
    Duration forUser = wait(userKey(user, client), FREE_FAILURES_PER_USER, now);
    Duration forClient = wait(clientKey(client), FREE_FAILURES_PER_CLIENT, now);
    return forUser.compareTo(forClient) >= 0 ? forUser : forClient;
  }

  /** Records a wrong password (or an unknown user) from {@code client}. */
  public void failed(String user, String client) {
    Instant now = clock.instant();
    count(userKey(user, client), now);
    count(clientKey(client), now);
  }

  /** Records a right password: the client's wrong passwords for that user no longer count. */
  public void succeeded(String user, String client) {
    failures.invalidate(userKey(user, client));
  }

  /** Forgets every count (tests that sent many wrong passwords from this machine clean up after them). */
  void forgetAll() {
    failures.invalidateAll();
  }

  private Duration wait(String key, int free, Instant now) {
    Failures current = failures.getIfPresent(key);
    if (current == null || current.count() <= free || forgotten(current, now)) {
      return Duration.ZERO;
    }
    int doublings = Math.min(current.count() - free - 1, 30);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    if (delay.compareTo(MAX_DELAY) > 0) {
      delay = MAX_DELAY;
    }
    Duration left = Duration.between(now, current.last().plus(delay));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private void count(String key, Instant now) {
    failures.asMap().compute(key, (k, current) ->
        current == null || forgotten(current, now) ? new Failures(1, now) : new Failures(current.count() + 1, now));
  }

  private static boolean forgotten(Failures failures, Instant now) {
    return failures.last().plus(FORGET_AFTER).isBefore(now);
  }

  private static String userKey(String user, String client) {
    return "user:" + (user == null ? "" : user.strip().toLowerCase(Locale.ROOT)) + "@" + client;
  }

  private static String clientKey(String client) {
    return "client:" + client;
  }
}
