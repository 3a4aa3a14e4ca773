package org.slaescalation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database cannot be reached answers 503 with {@code Retry-After} and a problem
 * body, not 500, wherever the failure met it: the password check of HTTP Basic in the security filter chain, the
 * session store, the service's controllers and pages. A database restart or failover terminates the pool's
 * connections (PostgreSQL's SQLSTATE 57P01), and the pool hands out a connection used within the last half second
 * without testing it, so a few requests fail before the pool has replaced them; while the database is down, a
 * request fails once it has waited {@code spring.datasource.hikari.connection-timeout} for a connection.
 *
 * <p>The answer says what a client should do: send the request again later. Intake keeps that safe, as a resent
 * ticket with the same {@code externalId} opens one ticket. Camunda's REST API answers its own failures (after the
 * password check) through its exception mappers, with 500.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  /** How long a client is asked to wait: a restart of PostgreSQL takes seconds. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  /** SQLSTATE class 08 (connection exception) and PostgreSQL's operator intervention codes of a server going away. */
  private static final Set<String> GONE = Set.of("57P01", "57P02", "57P03");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      if (response.isCommitted() || !isConnectionFailure(failure)) {
        throw failure;
      }
      LOG.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
          Requests.path(request), rootMessage(failure));
      long seconds = RETRY_AFTER.toSeconds();
      response.setHeader("Retry-After", Long.toString(seconds));
      Problems.writeForCamunda(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
          "The service cannot reach its database, so the request may not have been recorded. Send it again in "
              + seconds + " s.",
          Map.of("retryable", true, "retryAfterSeconds", seconds));
    }
  }

  /** Whether {@code failure}, or anything that caused it, is a lost or refused database connection. */
  static boolean isConnectionFailure(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> next = new ArrayDeque<>();
    next.add(failure);
    while (!next.isEmpty()) {
      Throwable cause = next.poll();
      if (!seen.add(cause)) {
        continue;
      }
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException || cause instanceof DataAccessResourceFailureException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || GONE.contains(sql.getSQLState()))) {
        return true;
      }
      if (cause.getCause() != null) {
        next.add(cause.getCause());
      }
      if (cause instanceof SQLException sql && sql.getNextException() != null) {
        next.add(sql.getNextException());
      }
      // A rollback on the lost connection fails too ("Connection is closed", no SQLSTATE): Spring then throws that
      // failure and keeps the one that caused the rollback aside.
      if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
        next.add(rollback.getApplicationException());
      }
    }
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
