package org.slaescalation.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster start one after the other on PostgreSQL: from the engine's build (which creates Camunda's schema
 * on an empty database) until the node is ready (the service's migrations, the model deployment, the team groups,
 * the Tasklist filters, the roles' grants, the demo data), a node holds a session-level advisory lock. A node
 * starting at the same moment waits for it and then finds everything created; no check-then-insert races another
 * node. Other databases (H2, one node) take no lock.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin {

  /** The advisory lock's key: any constant the service's database uses for nothing else. */
  static final long KEY = 0x534c41L; // "SLA"

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private Connection held;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DataSource dataSource = configuration.getDataSource();
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        LOG.info("Waiting for other nodes to finish starting (advisory lock {})", KEY);
        statement.execute("select pg_advisory_lock(" + KEY + ")");
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the start-up lock on the database", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // Held on: the service's migrations and start-up steps run after the engine is built.
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    release();
  }

  @EventListener(ApplicationFailedEvent.class)
  void failed() {
    release();
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock; it goes with the connection", e);
    } finally {
      held = null;
    }
  }
}
