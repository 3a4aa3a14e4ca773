package org.slaescalation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.authorization.Roles;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.TestUsers;
import org.slaescalation.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who reads {@code /actuator/prometheus}, through the real security filter chain over HTTP: administrators and
 * members of the group {@code metrics} (a Prometheus server's account, HTTP Basic), nobody else; and a scraper's
 * account opens nothing but that page (and the health probe, which needs no account).
 */
@ApplicationTest
class PrometheusScrapeTest {

  private static final String PROMETHEUS = "/actuator/prometheus";
  private static final String PASSWORD = "scrape-secret-1";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @LocalServerPort int port;

  private String scraper;

  @BeforeEach
  void aScraperAccount() {
    scraper = TestUsers.create(identityService, "scraper", PASSWORD, Roles.METRICS);
  }

  @Test
  void nobodyButAdministratorsAndScrapersReadsThePrometheusPage() {
    assertThat(status(rest, PROMETHEUS)).as("anonymous").isEqualTo(401);
    assertThat(status(rest.withBasicAuth(scraper, "wrong-password"), PROMETHEUS)).isEqualTo(401);
    assertThat(status(rest.withBasicAuth("sam", "sam"), PROMETHEUS)).as("support agent").isEqualTo(403);
    assertThat(status(rest.withBasicAuth("sophie", "sophie"), PROMETHEUS)).as("team lead").isEqualTo(403);
    assertThat(status(rest.withBasicAuth("erin", "erin"), PROMETHEUS)).as("engineer").isEqualTo(403);
    assertThat(status(rest.withBasicAuth("crm", "crm"), PROMETHEUS)).as("integration").isEqualTo(403);
  }

  @Test
  void aScraperAndAnAdministratorGetThePrometheusTextFormat() {
    for (TestRestTemplate client : new TestRestTemplate[] {rest.withBasicAuth(scraper, PASSWORD),
        rest.withBasicAuth("demo", "demo")}) {
      ResponseEntity<String> page = client.getForEntity(PROMETHEUS, String.class);

      assertThat(page.getStatusCode().value()).isEqualTo(200);
      assertThat(page.getHeaders().getContentType()).isNotNull()
          .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.TEXT_PLAIN)).as("%s", type).isTrue());
      // The names docs/operations.md gives, as Prometheus writes them.
      assertThat(page.getBody()).contains("# TYPE escalation_clocks_open gauge", "# TYPE escalation_incidents gauge",
          "# TYPE escalation_mails_pending gauge", "# TYPE escalation_mails_overdue_seconds gauge",
          "# TYPE escalation_breaches_total counter", "# TYPE escalation_sent_total counter",
          "# TYPE escalation_lag_seconds histogram", "escalation_lag_seconds_max ");
    }
  }

  @Test
  void theDemoProfilesScraperReadsThePage() {
    assertThat(status(rest.withBasicAuth("prometheus", "prometheus"), PROMETHEUS)).isEqualTo(200);
  }

  @Test
  void aScrapersAccountOpensNothingElse() {
    TestRestTemplate client = rest.withBasicAuth(scraper, PASSWORD);
    for (String path : new String[] {"/actuator", "/actuator/metrics", "/actuator/metrics/escalation.incidents",
        "/actuator/info", "/actuator/env", "/actuator/beans", "/actuator/prometheus/anything", "/api/tickets",
        "/api/customers", "/api/calendars", "/engine-rest/process-instance", "/engine-rest/user"}) {
      assertThat(status(client, path)).as(path).isEqualTo(403);
    }
    assertThat(status(client, "/actuator/health")).isEqualTo(200);
    assertThat(client.exchange(PROMETHEUS, HttpMethod.POST, null, String.class).getStatusCode().value())
        .as("POST").isEqualTo(403);

    WebSession webapps = WebSession.webapps(port, scraper, PASSWORD, "welcome");
    assertThat(webapps.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(403);
    assertThat(webapps.get("/camunda/api/engine/engine/default/process-instance").status()).isEqualTo(403);
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      assertThat(WebSession.webapps(port, scraper, PASSWORD, app).loginStatus()).as(app).isEqualTo(403);
    }
  }

  private static int status(TestRestTemplate client, String path) {
    return client.getForEntity(path, String.class).getStatusCode().value();
  }
}
