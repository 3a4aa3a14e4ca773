package org.slaescalation.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.PostgresBean;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs in a JVM of its own (see pom.xml): Camunda's runtime container is JVM-wide.
 *
 * <p>The {@code prod} profile as an operator runs it: a real PostgreSQL server, a real SMTP server, the first
 * administrator from the environment ({@code CAMUNDA_BPM_ADMIN_USER_ID}, {@code CAMUNDA_BPM_ADMIN_USER_PASSWORD};
 * here system properties, which the same placeholders read), behind TLS ({@code escalation.security.tls=true}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false", "escalation.security.tls=true"})
@ActiveProfiles("prod")
@SuppressWarnings("unchecked")
class ProductionProfileOwnJvmTest {

  static final String OPERATOR = "operator";
  static final String PASSWORD = "a-long-operator-password-1";

  private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  private static EmbeddedPostgres postgres;

  static {
    System.setProperty("CAMUNDA_BPM_ADMIN_USER_ID", OPERATOR);
    System.setProperty("CAMUNDA_BPM_ADMIN_USER_PASSWORD", PASSWORD);
  }

  @DynamicPropertySource
  static void productionServers(DynamicPropertyRegistry registry) {
    MAIL.start();
    registry.add("spring.mail.host", () -> MAIL.getSmtp().getBindTo());
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("escalation.csat.secret", () -> java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
    registry.add("spring.datasource.url", () -> postgres().getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = PostgresBean.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres;
  }

  /** The PostgreSQL server is a bean the data source depends on: the context closes the pool first, the server last. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Servers {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() {
      return postgres();
    }

    @Bean
    static BeanFactoryPostProcessor dataSourceAfterPostgres() {
      return beanFactory -> Arrays.stream(beanFactory.getBeanNamesForType(javax.sql.DataSource.class, true, false))
          .forEach(name -> beanFactory.getBeanDefinition(name).setDependsOn("embeddedPostgres"));
    }
  }

  @AfterAll
  static void stopMailServer() {
    MAIL.stop();
  }

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void startsOnPostgresqlWithTheAdministratorFromTheEnvironmentAndNoDemoData() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    assertThat(identityService.createUserQuery().userId(OPERATOR).memberOfGroup("camunda-admin").count()).isOne();
    assertThat(identityService.checkPassword(OPERATOR, PASSWORD)).isTrue();
    assertThat(identityService.createUserQuery().userIdIn("demo", "sam", "sophie", "erin", "sid", "crm").count())
        .isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY)
        .variableValueLike("externalId", "demo-%").count()).isZero();
  }

  @Test
  void thereIsNoMailOutboxAndMailGoesThroughSmtp() throws Exception {
    WebSession session = WebSession.behindTls(port);
    session.pageLogin(OPERATOR, PASSWORD);
    assertThat(session.get("/").body()).contains("Logged in as").doesNotContain("Mail outbox");
    assertThat(session.get("/mail-outbox").status()).isEqualTo(404);

    String id = (String) WebSession.anonymous(port).send("POST", "/api/tickets",
        Api.ticketJson(null, "P3", "standard").getBytes(StandardCharsets.UTF_8), "application/json", operator())
        .json().get("id");
    Api.executeJobs(managementService, runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(id).singleResult().getId());

    MimeMessage[] mails = MAIL.getReceivedMessages();
    assertThat(mails).anySatisfy(mail -> assertThat(mail.getHeader("X-Ticket-Id")).containsExactly(id));
  }

  @Test
  void behindTlsEveryCookieIsSecureAndEveryAnswerSaysStrictTransportSecurity() {
    WebSession.Response login = WebSession.anonymous(port).get("/login");
    WebSession.Response tasklist = WebSession.anonymous(port).get("/camunda/app/tasklist/default/");

    assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    assertThat(tasklist.headers().allValues("Set-Cookie")).isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    for (WebSession.Response answer : new WebSession.Response[] {login, tasklist}) {
      assertThat(answer.header("Strict-Transport-Security")).startsWith("max-age=31536000");
    }
  }

  @Test
  void aCancelledTicketShowsCancelledAndItsClocksStop() {
    String id = (String) WebSession.anonymous(port).send("POST", "/api/tickets",
        Api.ticketJson(null, "P2", "business").getBytes(StandardCharsets.UTF_8), "application/json", operator())
        .json().get("id");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult()
        .getId();
    Api.executeJobs(managementService, instance);

    // As Cockpit cancels a process instance.
    assertThat(WebSession.anonymous(port).send("DELETE", "/engine-rest/process-instance/" + instance
        + "?skipCustomListeners=true", null, null, operator()).status()).isEqualTo(204);

    Map<String, Object> ticket = WebSession.anonymous(port).send("GET", "/api/tickets/" + id, null, null, operator())
        .json();
    assertThat(ticket).containsEntry("status", "cancelled");
    assertThat(((Map<String, Map<String, Object>>) ticket.get("clocks")).values())
        .isNotEmpty().allSatisfy(clock -> assertThat(clock).containsEntry("state", "cancelled"));
  }

  private static Map<String, String> operator() {
    return Map.of("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((OPERATOR + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }
}
