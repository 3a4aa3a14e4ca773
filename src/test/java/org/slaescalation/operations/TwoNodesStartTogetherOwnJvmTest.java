package org.slaescalation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes started at the same moment on one empty PostgreSQL database (the cluster's first start, or a restart of
 * every node after an upgrade): both come up, each in a JVM of its own, and what start-up creates (Camunda's schema,
 * the service's tables, the model deployment, the team groups and Tasklist filters, the roles' grants) exists once.
 */
class TwoNodesStartTogetherOwnJvmTest {

  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      "ops:Ops-password-1".getBytes(StandardCharsets.UTF_8));

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void bothNodesStartAndStartUpCreatesEverythingOnce() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Path folder = Files.createTempDirectory("two-nodes");
      int[] ports = {freePort(), freePort()};
      Process first = start(folder, url, ports[0], "a");
      Process second = start(folder, url, ports[1], "b");
      try {
        awaitUp(ports[0], first, folder.resolve("node-a.log"));
        awaitUp(ports[1], second, folder.resolve("node-b.log"));

        JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        assertThat(jdbc.sql("select count(*) from act_re_deployment").query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select name_ from act_ru_filter order by name_").query(String.class).list())
            .doesNotHaveDuplicates().isNotEmpty();
        assertThat(jdbc.sql("select id_ from act_id_group order by id_").query(String.class).list())
            .doesNotHaveDuplicates().contains("support", "engineering", "sysadmin");
        assertThat(jdbc.sql("""
                select count(*) from (select type_, group_id_, user_id_, resource_type_, resource_id_, count(*)
                  from act_ru_authorization group by type_, group_id_, user_id_, resource_type_, resource_id_
                  having count(*) > 1) duplicates""").query(Integer.class).single())
            .as("no grant twice").isZero();
      } finally {
        first.destroyForcibly().waitFor();
        second.destroyForcibly().waitFor();
      }
    }
  }

  private static Process start(Path folder, String url, int port, String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.slaescalation.SlaEscalationApplication", "--server.port=" + port,
        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
        "--camunda.bpm.admin-user.id=ops", "--camunda.bpm.admin-user.password=Ops-password-1")
        .directory(folder.toFile())
        .redirectErrorStream(true)
        .redirectOutput(folder.resolve("node-" + name + ".log").toFile())
        .start();
  }

  private void awaitUp(int port, Process node, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!node.isAlive()) {
        List<String> lines = Files.readAllLines(log);
        throw new AssertionError("A node exited with " + node.exitValue() + ":\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
      }
      try {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/tickets/T-1")).header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 404) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      node.waitFor(250, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("A node did not start within 3 minutes");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
