package org.slaescalation.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the fault tests share: a PostgreSQL server that can be restarted, and the arguments of a node on it. */
public final class FaultSetup {

  private FaultSetup() {}

  /** A PostgreSQL server on {@code port} with its data in {@code dataDirectory}, kept across restarts. */
  public static EmbeddedPostgres postgres(Path dataDirectory, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
        .start();
  }

  public static String jdbcUrl(int port) {
    return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
  }

  /** A client that opens a connection per statement, so it works again once the server is back after a restart. */
  public static JdbcClient jdbc(int port) {
    return JdbcClient.create(new DriverManagerDataSource(jdbcUrl(port), "postgres", ""));
  }

  /**
   * A node of the demo set-up (users {@code crm}, {@code sam}, administrator {@code demo}; no sample tickets) on the
   * database, deploying {@code models}, sending mail to 127.0.0.1:{@code smtpPort}, plus {@code extra} arguments.
   */
  public static String[] nodeArguments(int databasePort, Path models, int smtpPort, String... extra) {
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=demo",
        "--escalation.demo.sample-tickets=false", "--spring.datasource.url=" + jdbcUrl(databasePort),
        "--spring.datasource.username=postgres", "--spring.datasource.password=",
        "--escalation.models.location=" + models, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort));
    arguments.addAll(List.of(extra));
    return arguments.toArray(String[]::new);
  }
}
