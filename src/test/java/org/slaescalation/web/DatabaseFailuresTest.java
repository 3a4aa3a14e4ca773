package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.web.DatabaseFailures.Kind.POOL_EXHAUSTED;
import static org.slaescalation.web.DatabaseFailures.Kind.UNREACHABLE;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures mean the database could not serve the request (503) and which stay what they are. The exceptions are
 * the ones the layers throw, wrapped as they wrap them; NodeKilledUnderLoadOwnJvmTest shows the 503 of a real
 * restart, DatabaseBusyTest that of a full pool.
 */
class DatabaseFailuresTest {

  @Test
  void aConnectionThatPostgresTerminatedIsUnreachableThroughCamundasWrapping() {
    SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    ProcessEngineException camunda = new ProcessEngineException("ENGINE-03004 Exception while executing Database "
        + "Operation 'SELECT' with message", new PersistenceException("### Error querying database", terminated));

    assertThat(DatabaseFailures.of(camunda)).contains(UNREACHABLE);
    assertThat(DatabaseFailures.of(new ServletException("Request processing failed", camunda)))
        .contains(UNREACHABLE);
    assertThat(DatabaseFailures.of(new SQLException("An I/O error occurred while sending to the backend.", "08006")))
        .contains(UNREACHABLE);
  }

  @Test
  void thePoolsTimeOutIsUnreachableWithAConnectionFailureAsItsCauseAndExhaustedWithout() {
    // Hikari's time-out carries the last failure to connect while the database is away
    SQLTransientConnectionException whileDown = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 5000ms.", "08001",
        new SQLException("Connection to localhost:5432 refused.", "08001"));
    SQLTransientConnectionException allInUse = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 5000ms (total=20, active=20, idle=0, "
            + "waiting=3)");

    assertThat(DatabaseFailures.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        whileDown))).contains(UNREACHABLE);
    assertThat(DatabaseFailures.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        allInUse))).contains(POOL_EXHAUSTED);
  }

  @Test
  void aRollbackThatFailedOnTheClosedConnectionIsUnreachableByTheFailureThatCausedIt() {
    // As logged by a node whose database restarted: the service's query met the terminated connection, the
    // rollback then met Hikari's closed proxy, and Camunda wrapped what Spring threw.
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new DataAccessResourceFailureException("PreparedStatementCallback; SQL [select "
        + "* from clock_stint]", new SQLException("FATAL: terminating connection due to administrator command",
        "57P01")));

    assertThat(DatabaseFailures.of(new ProcessEnginePersistenceException(
        "An exception occurred in the persistence layer.", rollback))).contains(UNREACHABLE);
    assertThat(DatabaseFailures.of(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).as("without the failure that caused it").isEmpty();
  }

  @Test
  void aRefusedOrCancelledStatementAFullDiskOrABugIsNone() {
    SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second", first);
    first.initCause(second);

    assertThat(DatabaseFailures.of(new ProcessEngineException("ENGINE-03004", new PersistenceException(duplicate))))
        .isEmpty();
    // Spring translates SQLSTATE classes 53, 54, 57 and 58 into DataAccessResourceFailureException: not a lost
    // connection, and resending would not help
    assertThat(DatabaseFailures.of(new DataAccessResourceFailureException("statement timeout",
        new SQLException("canceling statement due to statement timeout", "57014")))).isEmpty();
    assertThat(DatabaseFailures.of(new DataAccessResourceFailureException("disk full",
        new SQLException("could not extend file", "53100")))).isEmpty();
    assertThat(DatabaseFailures.of(new NullPointerException())).isEmpty();
    assertThat(DatabaseFailures.of(second)).as("a cycle of causes ends").isEmpty();
  }
}
