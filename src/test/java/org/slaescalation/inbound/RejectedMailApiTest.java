package org.slaescalation.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/rejected-mail}: the mail the inbound poller refused, for administrators only. Rejected mail holds
 * customers' addresses and text, so an agent, a lead, the integration and an anonymous caller are refused.
 */
@ApplicationTest
@SuppressWarnings("unchecked")
class RejectedMailApiTest {

  @Autowired TestRestTemplate rest;

  @Test
  void anAnonymousCallerIsAskedToLogIn() {
    ResponseEntity<String> answer = rest.exchange("/api/rejected-mail", HttpMethod.GET, null, String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getBody()).doesNotContain("items");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      sam    | 403
      sophie | 403
      crm    | 403
      demo   | 200""")
  void onlyAdministratorsReadTheList(String user, int status) {
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, user, "/api/rejected-mail");

    assertThat(answer.getStatusCode().value()).isEqualTo(status);
    if (status == 200) {
      assertThat(answer.getBody()).containsKeys("items", "page", "size", "total");
    } else {
      assertThat(answer.getBody()).doesNotContainKey("items");
    }
  }

  @Test
  void aBadPageIsA400NamingTheParameter() {
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, "demo", "/api/rejected-mail?size=1000");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("parameter", "size");
    assertThat((List<Object>) Api.get(rest, "demo", "/api/rejected-mail?page=0&size=5").getBody().get("items"))
        .isNotNull();
  }
}
