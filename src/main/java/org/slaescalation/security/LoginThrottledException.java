package org.slaescalation.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login attempt refused unchecked: the client must wait after wrong passwords (see {@link LoginThrottle}). */
class LoginThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  LoginThrottledException(Duration retryAfter) {
    super("Too many wrong passwords: try again in " + seconds(retryAfter) + " s");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, at least 1: the value of a {@code Retry-After} header. */
  long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
