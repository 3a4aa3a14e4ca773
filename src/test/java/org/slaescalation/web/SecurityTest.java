package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.junit.jupiter.api.Test;

/** The API, Camunda's REST API, the outbox and the review page need a login; the webapps keep theirs. */
@ApplicationTest
class SecurityTest {

  @Autowired TestRestTemplate rest;

  @ParameterizedTest
  @ValueSource(strings = {"/api/tickets/T-10001", "/api/calendars", "/engine-rest/process-definition",
      "/engine-rest/task", "/mail-outbox", "/review", "/review/api/models"})
  void withoutCredentialsTheAnswerIs401WithAChallenge(String path) {
    ResponseEntity<Map> answer = rest.getForEntity(path, Map.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic realm=");
    assertThat(answer.getBody()).containsEntry("status", 401);
  }

  @Test
  void aPostWithoutCredentialsIs401TooAndOpensNothing() {
    ResponseEntity<String> answer = rest.postForEntity("/api/tickets", Map.of("subject", "x"), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongPasswordIs401() {
    // sid, whom no other test logs in as: after a wrong password Camunda locks the user for a few
    // seconds, and tests sharing the application context would then get 401 for that user too.
    ResponseEntity<String> answer = rest.withBasicAuth("sid", "wrong").getForEntity("/engine-rest/task", String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aCamundaUserCanCallBothApis() {
    assertThat(rest.withBasicAuth("sam", "sam").getForEntity("/engine-rest/process-definition/key/ticket-escalation",
        Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/api/calendars", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
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
}
