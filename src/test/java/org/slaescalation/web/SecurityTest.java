package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The APIs need HTTP Basic; the service's pages and Camunda's webapps a session login, and they never ask a browser
 * for Basic credentials, which it would then resend on its own.
 */
@ApplicationTest
class SecurityTest {

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"/api/tickets/T-10001", "/api/calendars", "/engine-rest/process-definition",
      "/engine-rest/task"})
  void theApisAnswer401WithABasicChallengeWithoutCredentials(String path) {
    ResponseEntity<Map> answer = rest.getForEntity(path, Map.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic realm=");
    assertThat(answer.getBody()).containsEntry("status", 401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/review", "/mail-outbox", "/mail-outbox/1"})
  void thePagesSendTheBrowserToTheLoginPageWithoutABasicChallenge(String path) {
    WebSession.Response answer = WebSession.anonymous(port).get(path);

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.header("Location")).endsWith("/login");
    assertThat(answer.header("WWW-Authenticate")).isNull();
  }

  @Test
  void theReviewPagesDataAnswers401WithoutABasicChallenge() {
    WebSession.Response answer = WebSession.anonymous(port).get("/review/api/models");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).isNull();
    assertThat(answer.json()).containsEntry("title", "Authentication required");
  }

  @Test
  void pagesDoNotAcceptBasicCredentials() {
    ResponseEntity<String> answer = rest.withBasicAuth("demo", "demo").getForEntity("/review/api/models", String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).isNull();
  }

  @Test
  void aPostWithoutCredentialsIs401TooAndOpensNothing() {
    ResponseEntity<String> answer = rest.postForEntity("/api/tickets", Map.of("subject", "x"), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongPasswordIs401() {
    ResponseEntity<String> answer = rest.withBasicAuth("sid", "wrong").getForEntity("/engine-rest/task", String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theWebappsKeepTheirOwnLoginAndCsrfProtection() {
    ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasklist.getHeaders().get("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));

    ResponseEntity<String> loginWithoutCsrfToken = rest.postForEntity(
        "/camunda/api/admin/auth/user/default/login/tasklist", null, String.class);
    assertThat(loginWithoutCsrfToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest;/task", "/engine-rest/task;jsessionid=1", "/api/tickets;x=y/T-1",
      "/api/tickets/%2e%2e/calendars", "/camunda/app/tasklist;x/default/"})
  void aPathWithParametersOrEncodedDotsIsA400NotA500(String path) {
    WebSession.Response answer = WebSession.anonymous(port).get(path);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("title", "Malformed request");
  }
}
