package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every answer of the service carries the security headers, whatever answers it and however it ends. */
@ApplicationTest
class SecurityHeadersTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TicketService tickets;

  @ParameterizedTest
  @ValueSource(strings = {"/", "/login", "/review", "/review/api/models", "/mail-outbox", "/swagger-ui/index.html",
      "/v3/api-docs", "/api/tickets/T-1", "/engine-rest/task", "/actuator/health", "/app.css", "/no-such-page",
      "/engine-rest;/task", "/camunda/app/tasklist/default/", "/camunda/api/engine/engine/default/task"})
  void everyAnswerCarriesTheSecurityHeaders(String path) {
    WebSession.Response answer = WebSession.anonymous(port).get(path);

    assertThat(answer.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'")
        .contains("object-src 'none'");
    assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
    assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
    assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
    assertThat(answer.header("Strict-Transport-Security")).as("only with escalation.security.tls").isNull();
  }

  @Test
  void refusedAndOversizedRequestsCarryThemToo() {
    WebSession.Response tooLarge = WebSession.anonymous(port).send("POST", "/api/tickets", new byte[2 * 1024 * 1024],
        "application/json", Map.of());
    WebSession.Response crossSite = WebSession.anonymous(port).send("POST", "/api/tickets", "{}".getBytes(),
        "application/json", Map.of("Origin", "https://evil.example"));

    for (WebSession.Response answer : List.of(tooLarge, crossSite)) {
      assertThat(answer.status()).isIn(403, 413);
      assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
  }

  @Test
  void camundasWebappsKeepTheirOwnContentSecurityPolicy() {
    WebSession.Response tasklist = WebSession.anonymous(port).get("/camunda/app/tasklist/default/");

    assertThat(tasklist.headers().allValues("Content-Security-Policy")).singleElement()
        .satisfies(policy -> assertThat(policy).contains("'nonce-"));
  }

  @Test
  void answersWithTicketDataAreNotStored() {
    for (String path : List.of("/api/tickets/T-1", "/engine-rest/task", "/review/api/models", "/login")) {
      assertThat(WebSession.anonymous(port).get(path).header("Cache-Control")).as(path).contains("no-store");
    }
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() {
    WebSession.Response login = WebSession.anonymous(port).get("/login");

    assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
        .singleElement().satisfies(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax")
            .doesNotContain("Secure"));
  }

  @Test
  void aDeployedFormIsADownloadNeverAPage() {
    Task task = OpenTickets.atTriage(tickets, engine);

    WebSession.Response rest = WebSession.anonymous(port).send("GET", "/engine-rest/task/" + task.getId()
        + "/deployed-form", null, null, Map.of("Authorization", "Basic "
        + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8))));
    WebSession.Response webapp = WebSession.webapps(port, "demo")
        .get("/camunda/api/engine/engine/default/task/" + task.getId() + "/deployed-form");

    for (WebSession.Response form : List.of(rest, webapp)) {
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body()).contains("\"components\"");
      assertThat(form.header("Content-Disposition")).isEqualTo("attachment");
      assertThat(form.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    assertThat(rest.header("Content-Security-Policy")).contains("sandbox");
  }

  @Test
  void withTlsEveryAnswerCarriesStrictTransportSecurity() throws Exception {
    var filter = new SecurityHeadersConfiguration().securityHeaders(new SecurityProperties(true), "/camunda")
        .getFilter();
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(new MockHttpServletRequest("GET", "/api/tickets/T-1"), response, new MockFilterChain());

    assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
  }
}
