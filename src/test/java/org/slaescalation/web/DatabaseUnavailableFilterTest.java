package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Which failures are a lost database connection (503) and which stay what they are. The exceptions are the ones the
 * layers throw, wrapped as they wrap them; NodeKilledUnderLoadOwnJvmTest shows the 503 of a real restart.
 */
class DatabaseUnavailableFilterTest {

  @Test
  void aConnectionThatPostgresTerminatedIsUnavailableThroughCamundasWrapping() {
    SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    ProcessEngineException camunda = new ProcessEngineException("ENGINE-03004 Exception while executing Database "
        + "Operation 'SELECT' with message", new PersistenceException("### Error querying database", terminated));

    assertThat(DatabaseUnavailableFilter.isConnectionFailure(camunda)).isTrue();
    assertThat(DatabaseUnavailableFilter.isConnectionFailure(new ServletException("Request processing failed",
        camunda))).isTrue();
  }

  @Test
  void noConnectionFromThePoolAndABrokenSocketAreUnavailable() {
    SQLTransientConnectionException timedOut = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 5000ms.");

    assertThat(DatabaseUnavailableFilter.isConnectionFailure(
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timedOut))).isTrue();
    assertThat(DatabaseUnavailableFilter.isConnectionFailure(
        new SQLException("An I/O error occurred while sending to the backend.", "08006"))).isTrue();
  }

  @Test
  void aRollbackThatFailedOnTheClosedConnectionIsUnavailableByTheFailureThatCausedIt() {
    // As logged by a node whose database restarted: the service's query met the terminated connection, the
    // rollback then met Hikari's closed proxy, and Camunda wrapped what Spring threw.
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new DataAccessResourceFailureException("PreparedStatementCallback; SQL [select "
        + "* from clock_stint]", new SQLException("FATAL: terminating connection due to administrator command",
        "57P01")));

    assertThat(DatabaseUnavailableFilter.isConnectionFailure(new ProcessEnginePersistenceException(
        "An exception occurred in the persistence layer.", rollback)))
        .isTrue();
    assertThat(DatabaseUnavailableFilter.isConnectionFailure(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).as("without the failure that caused it").isFalse();
  }

  @Test
  void aRefusedStatementOrABugIsNotUnavailable() {
    SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
    ProcessEngineException camunda = new ProcessEngineException("ENGINE-03004", new PersistenceException(duplicate));
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second", first);
    first.initCause(second);

    assertThat(DatabaseUnavailableFilter.isConnectionFailure(camunda)).isFalse();
    assertThat(DatabaseUnavailableFilter.isConnectionFailure(new NullPointerException())).isFalse();
    assertThat(DatabaseUnavailableFilter.isConnectionFailure(second)).as("a cycle of causes ends").isFalse();
  }
}
