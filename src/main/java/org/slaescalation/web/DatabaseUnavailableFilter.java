package org.slaescalation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database cannot serve it ({@link DatabaseFailures}) answers 503 with
 * {@code Retry-After} and a problem body, not 500, wherever the failure met it: the password check of HTTP Basic in
 * the security filter chain, the session store, the service's controllers and pages. A database restart or failover
 * terminates the pool's connections (PostgreSQL's SQLSTATE 57P01), and the pool hands out a connection used within
 * the last half second without testing it, so a few requests fail before the pool has replaced them; while the
 * database is down, a request fails once it has waited {@code spring.datasource.hikari.connection-timeout} for a
 * connection. A pool whose connections are all in use for that long answers the same status with its own title.
 *
 * <p>The answer says what a client should do: send the request again later. Intake keeps that safe, as a resent
 * ticket with the same {@code externalId} opens one ticket. Camunda's REST API answers its own failures (after the
 * password check) through its exception mappers, with 500.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  /** How long a client is asked to wait: a restart of PostgreSQL takes seconds. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      Optional<DatabaseFailures.Kind> kind = DatabaseFailures.of(failure);
      if (response.isCommitted() || kind.isEmpty()) {
        throw failure;
      }
      long seconds = RETRY_AFTER.toSeconds();
      boolean unreachable = kind.get() == DatabaseFailures.Kind.UNREACHABLE;
      LOG.warn("{} {} answered 503: {} ({})", request.getMethod(), Requests.path(request), unreachable
          ? "the database cannot be reached" : "no database connection became free in time", rootMessage(failure));
      response.setHeader("Retry-After", Long.toString(seconds));
      Problems.writeForCamunda(request, response, HttpStatus.SERVICE_UNAVAILABLE,
          unreachable ? "Database unavailable" : "Service busy",
          (unreachable ? "The service cannot reach its database" : "Every database connection of the service is in use")
              + "; the request may or may not have been recorded. Try again in " + seconds + " s.",
          Map.of("retryable", true, "retryAfterSeconds", seconds));
    }
  }

  /** Also when the error page of a failed request meets the database (it reads the session). */
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (root.getCause() != null && seen.add(root)) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
