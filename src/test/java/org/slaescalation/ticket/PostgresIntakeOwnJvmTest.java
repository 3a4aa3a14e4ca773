package org.slaescalation.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.slaescalation.customer.Customer;
import org.slaescalation.customer.CustomerConflictException;
import org.slaescalation.customer.CustomerService;
import org.slaescalation.support.Indexes;
import org.slaescalation.support.PostgresBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs in a JVM of its own (see pom.xml): Camunda's runtime container is JVM-wide, so a second application context
 * would take it over from the shared test context.
 *
 * <p>The service on a real PostgreSQL server, the production database: Flyway's migrations and Camunda's schema
 * install side by side (Flyway after Camunda, so it can index the job table), concurrent intake with one
 * external id opens one ticket, and the customer records work there as on H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "camunda.bpm.job-execution.enabled=false", "escalation.demo.sample-tickets=false",
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"})
@ActiveProfiles("demo")
class PostgresIntakeOwnJvmTest {

  /** The PostgreSQL server is a bean, so that the context closes the connection pool first and the server last. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Postgres {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return PostgresBean.builder().start();
    }

    @Bean
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
      return PostgresBean.dataSource(postgres);
    }
  }

  @Autowired TicketService tickets;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void concurrentRequestsWithOneExternalIdOpenOneTicket() throws Exception {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    String externalId = "pg-race-" + UUID.randomUUID();
    NewTicket ticket = new NewTicket(externalId, "Checkout fails", "HTTP 500 on every order", "P2", "incident",
        new NewTicket.Customer("acme", "ACME", "ops@acme.example", "business", "Europe/Amsterdam"));
    Callable<TicketService.OpenedTicket> request = () -> tickets.open(ticket);

    List<Future<TicketService.OpenedTicket>> answers;
    var pool = Executors.newFixedThreadPool(8);
    try {
      answers = pool.invokeAll(Collections.nCopies(8, request));
    } finally {
      pool.shutdown();
    }

    Set<Object> ids = new HashSet<>();
    int created = 0;
    for (Future<TicketService.OpenedTicket> answer : answers) {
      TicketService.OpenedTicket opened = answer.get();
      created += opened.created() ? 1 : 0;
      ids.add(opened.id());
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
    String id = tickets.open(new NewTicket(null, "Checkout fails", "HTTP 500", "P1", "bug",
        new NewTicket.Customer("acme", "ACME", "ops@acme.example", "enterprise", "Europe/Amsterdam"))).id();

    TicketView ticket = tickets.get(id);

    assertThat(ticket.status()).isEqualTo(TicketView.OPEN);
    assertThat(ticket.team()).isEqualTo("support");
    assertThat(ticket.sla().resolutionTarget()).isEqualTo("PT4H");
  }

  @Test
  void customerRecordsOnPostgres_keptListedFoundAndUsedByIntake(@Autowired CustomerService customers) {
    customers.create(new Customer("pg-a", "A", List.of("ops@pg-a.example"), "enterprise", "Asia/Tokyo", null));
    customers.put("pg-b", new Customer(null, "B", List.of("ops@pg-b.example"), "free", "UTC", null));
    CustomerService.Saved replaced = customers.put("pg-b", new Customer("pg-b", "B2",
        List.of("OPS@pg-b.example", "cto@pg-b.example"), "business", "Europe/Berlin", "am@example.com"));

    assertThat(replaced.created()).isFalse();
    assertThat(customers.list(0, 1).items()).extracting(Customer::id).containsExactly("pg-a");
    assertThat(customers.list(1, 1).items()).extracting(Customer::id).containsExactly("pg-b");
    assertThat(customers.findByEmail("ops@PG-B.example")).map(Customer::emails)
        .contains(List.of("OPS@pg-b.example", "cto@pg-b.example"));
    assertThatThrownBy(() -> customers.create(new Customer("pg-c", "C", List.of("cto@pg-b.example"), "free", "UTC",
        null))).isInstanceOf(CustomerConflictException.class);
    String id = tickets.open(new NewTicket(null, "Checkout fails", "HTTP 500", "P1", "bug",
        new NewTicket.Customer("pg-a", null, null, null, null))).id();
    assertThat(tickets.get(id).customer()).isEqualTo(
        new TicketView.Customer("pg-a", "A", "ops@pg-a.example", "enterprise", "Asia/Tokyo"));
  }

  @Test
  void jobsAreIndexedByDueDateOnAFreshDatabase() throws Exception {
    assertThat(Indexes.of(jdbc.getDataSource(), "ACT_RU_JOB"))
        .containsEntry("ix_act_ru_job_duedate", List.of("DUEDATE_"));
  }
}
