package org.slaescalation.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slaescalation.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The answer to a request without valid credentials, as an RFC 7807 body: 401, or 429 with {@code Retry-After} while
 * the {@link LoginThrottle} makes the client wait. With {@code challenge}, a 401 names HTTP Basic
 * ({@code WWW-Authenticate}) for API clients; the service's pages, which use the session login, send none, so that a
 * browser never learns Basic credentials it would then send on its own.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final boolean challenge;

  ProblemAuthenticationEntryPoint(boolean challenge) {
    this.challenge = challenge;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
      throws IOException {
    if (ex instanceof LoginThrottledException throttled) {
      response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
      Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many wrong passwords",
          "Wrong passwords from this client slow down its next attempts; try again in "
              + throttled.retryAfterSeconds() + " s.", Map.of("retryAfterSeconds", throttled.retryAfterSeconds()));
      return;
    }
    if (challenge) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"sla-escalation\", charset=\"UTF-8\"");
    }
    Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required", challenge
        ? "Log in with HTTP Basic as a user of the service (the same users as Camunda Tasklist)."
        : "Log in first: " + request.getContextPath() + "/login", Map.of());
  }
}
