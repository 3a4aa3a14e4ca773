package org.slaescalation.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The service on a real PostgreSQL server, the production database: Flyway's migrations and Camunda's schema
 * install side by side, and concurrent intake with one external id opens one ticket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false", "escalation.demo.sample-tickets=false",
    // The engine registry is JVM-wide: closing this context must not unregister the shared context's "default".
    "camunda.bpm.process-engine-name=postgres-test"})
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresIntakeTest {

  /**
   * The PostgreSQL server is a bean, so that the context closes the connection pool first and the server last;
   * the context is closed after this class, it is of no use to others.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class Postgres {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return EmbeddedPostgres.builder().start();
    }

    @Bean
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
      HikariDataSource dataSource = new HikariDataSource();
      dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      dataSource.setUsername("postgres");
      return dataSource;
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void concurrentRequestsWithOneExternalIdOpenOneTicket() throws Exception {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    String externalId = "pg-race-" + UUID.randomUUID();
    Callable<ResponseEntity<Map<String, Object>>> request = () -> Api.post(rest, "sam", "/api/tickets",
        Api.ticketJson(externalId, "P2", "business"));

    List<Future<ResponseEntity<Map<String, Object>>>> answers;
    var pool = Executors.newFixedThreadPool(8);
    try {
      answers = pool.invokeAll(Collections.nCopies(8, request));
    } finally {
      pool.shutdown();
    }

    Set<Object> ids = new HashSet<>();
    int created = 0;
    for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
      ResponseEntity<Map<String, Object>> response = answer.get();
      assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response).isTrue();
      created += response.getStatusCode() == HttpStatus.CREATED ? 1 : 0;
      ids.add(response.getBody().get("id"));
    }
    assertThat(ids).hasSize(1);
    assertThat(created).isOne();
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey((String) ids.iterator().next()).count()).isOne();
    assertThat(jdbc.queryForObject("select count(*) from ticket where external_id = ?", Integer.class, externalId))
        .isOne();
  }

  @Test
  void aTicketReadsBackWithItsSlaFromPostgres() {
    String id = (String) Api.post(rest, "sam", "/api/tickets", Api.ticketJson(null, "P1", "enterprise"))
        .getBody().get("id");

    Map<String, Object> ticket = Api.get(rest, "sam", "/api/tickets/" + id).getBody();

    assertThat(ticket).containsEntry("status", "open").containsEntry("team", "support");
    assertThat((Map<String, Object>) ticket.get("sla")).containsEntry("resolutionTarget", "PT4H");
  }
}
