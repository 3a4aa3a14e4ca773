package org.slaescalation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ServiceNode;
import org.slaescalation.support.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes started at the same moment on one empty PostgreSQL database (the cluster's first start, or a restart of
 * every node after an upgrade): both come up, each in a JVM of its own, and what start-up creates (Camunda's schema,
 * the service's tables, the model deployment, the team groups and Tasklist filters, the roles' grants) exists once.
 * Sessions are in the database: a login on one node is a login on the other (no sticky sessions needed).
 */
class TwoNodesStartTogetherOwnJvmTest {

  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      "ops:Ops-password-1".getBytes(StandardCharsets.UTF_8));

  @Test
  void bothNodesStartAndStartUpCreatesEverythingOnce() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Path folder = Files.createTempDirectory("two-nodes");
      int firstPort = ServiceNode.freePort();
      int secondPort = ServiceNode.freePort();
      try (ServiceNode first = start(folder, url, "a", firstPort);
          ServiceNode second = start(folder, url, "b", secondPort)) {
        first.awaitUp(ADMIN, Duration.ofMinutes(3));
        second.awaitUp(ADMIN, Duration.ofMinutes(3));

        // Behind a load balancer without sticky sessions: a login on one node is a login on the other.
        WebSession browser = WebSession.webapps(firstPort, "ops", "Ops-password-1", "cockpit");
        assertThat(browser.loginStatus()).isEqualTo(200);
        WebSession.Response onOtherNode = browser.onPort(secondPort).get("/camunda/api/admin/auth/user/default");
        assertThat(onOtherNode.status()).as(onOtherNode.body()).isEqualTo(200);
        assertThat(onOtherNode.json()).containsEntry("userId", "ops");
        WebSession.Response deployments = browser.onPort(secondPort)
            .get("/camunda/api/engine/engine/default/deployment/count");
        assertThat(deployments.status()).as(deployments.body()).isEqualTo(200);
        assertThat(WebSession.anonymous(secondPort).get("/camunda/api/admin/auth/user/default").status())
            .as("without the cookie").isNotEqualTo(200);

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
      }
    }
  }

  private static ServiceNode start(Path folder, String url, String name, int port) throws IOException {
    return ServiceNode.start(folder, name, port, "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres", "--spring.datasource.password=", "--camunda.bpm.admin-user.id=ops",
        "--camunda.bpm.admin-user.password=Ops-password-1");
  }
}
