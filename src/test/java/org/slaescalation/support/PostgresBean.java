package org.slaescalation.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** An embedded PostgreSQL server that a Spring test context owns as a bean. */
public final class PostgresBean {

  private PostgresBean() {}

  /**
   * A builder whose server only the bean's {@code close} stops. By default the server registers a shutdown hook of
   * its own, which stops it while Spring's hook is still closing the process engine: the engine's last metrics report
   * then waits for a connection until the pool's 30 s timeout, and the fork outlives Surefire's exit timeout.
   * Declare the bean with {@code destroyMethod = "close"} and the data source as depending on it, so that the
   * context closes the engine and the pool first and the server last.
   */
  public static EmbeddedPostgres.Builder builder() {
    return EmbeddedPostgres.builder().setRegisterShutdownHook(false);
  }

  /** A connection pool on the server as its superuser; declared with the server as a parameter, it depends on it. */
  public static HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    return dataSource;
  }

  /**
   * The same with PostgreSQL's {@code plan_cache_mode} set on every connection, e.g. {@code force_custom_plan}: each
   * execution of a prepared statement is planned with its values.
   */
  public static HikariDataSource dataSource(EmbeddedPostgres postgres, String planCacheMode) {
    HikariDataSource dataSource = dataSource(postgres);
    dataSource.addDataSourceProperty("options", "-c plan_cache_mode=" + planCacheMode);
    return dataSource;
  }
}
