package org.slaescalation.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database could not serve the request at all, as opposed to refusing what it
 * asked: the connection was lost or refused, or the pool had no free connection in time.
 */
public final class DatabaseFailures {

  /** Why the database could not serve a request. */
  public enum Kind {
    /** A connection was lost or refused: the database restarts, fails over or is down. */
    UNREACHABLE,
    /** No connection of the pool became free within {@code spring.datasource.hikari.connection-timeout}. */
    POOL_EXHAUSTED
  }

  /**
   * PostgreSQL's operator intervention codes of a server or session going away (admin shutdown, crash shutdown,
   * cannot connect now, idle session timeout); with SQLSTATE class 08 (connection exception).
   */
  private static final Set<String> GONE = Set.of("57P01", "57P02", "57P03", "57P05");

  private DatabaseFailures() {}

  /** The kind of database failure {@code failure} is, or anything that caused it; empty when it is none. */
  public static Optional<Kind> of(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> next = new ArrayDeque<>();
    next.add(failure);
    boolean noConnectionInTime = false;
    while (!next.isEmpty()) {
      Throwable cause = next.poll();
      if (!seen.add(cause)) {
        continue;
      }
      if (cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
          || cause instanceof SQLException sql && sql.getSQLState() != null
              && (sql.getSQLState().startsWith("08") || GONE.contains(sql.getSQLState()))) {
        return Optional.of(Kind.UNREACHABLE);
      }
      // Hikari's time-out: with the last connection failure as its cause (and SQLSTATE) while the database is
      // away, without either while every connection is in use.
      noConnectionInTime |= cause instanceof SQLTransientConnectionException;
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
    return noConnectionInTime ? Optional.of(Kind.POOL_EXHAUSTED) : Optional.empty();
  }
}
