package org.slaescalation.support;

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
}
