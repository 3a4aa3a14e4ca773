package org.slaescalation.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An embedded PostgreSQL with the service's migrations, for tests that ask PostgreSQL's planner how it runs a query
 * of the service on tables filled with {@code generate_series} ({@code EXPLAIN}, after {@code vacuum analyze}, as
 * autovacuum would leave them). Camunda's own tables are not created: only {@code ACT_RU_JOB}, which migration V3
 * indexes.
 */
public final class PostgresPlans implements AutoCloseable {

  private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

  private final EmbeddedPostgres postgres;
  private final JdbcClient jdbc;

  private PostgresPlans(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.jdbc = JdbcClient.create(postgres.getPostgresDatabase());
  }

  /** Starts PostgreSQL and migrates it to the newest version. */
  public static PostgresPlans start() {
    return start("latest");
  }

  /** Starts PostgreSQL and migrates it to version {@code target}, to fill it as an older version left it. */
  public static PostgresPlans start(String target) {
    try {
      PostgresPlans plans = new PostgresPlans(EmbeddedPostgres.builder().start());
      plans.jdbc.sql("create table ACT_RU_JOB (ID_ varchar(64), DUEDATE_ timestamp)").update();
      plans.migrate(target);
      return plans;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the migrations up to version {@code target} ({@code latest}: all). */
  public void migrate(String target) {
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).baselineOnMigrate(true).baselineVersion("0")
        .target(target).load().migrate();
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  /** Runs {@code statements} (the filling), then {@code vacuum analyze}. */
  public void fill(String... statements) {
    for (String statement : statements) {
      jdbc.sql(statement).update();
    }
    jdbc.sql("vacuum analyze").update();
  }

  /** PostgreSQL's plan of {@code query} with its named parameters, one line per node. */
  public String plan(String query, Map<String, ?> params) {
    return String.join("\n", jdbc.sql("explain " + query).params(params).query(String.class).list());
  }

  /** The tables the plan reads in full. */
  public static List<String> seqScans(String plan) {
    List<String> tables = new ArrayList<>();
    Matcher scan = SEQ_SCAN.matcher(plan);
    while (scan.find()) {
      tables.add(scan.group(1));
    }
    return tables;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
