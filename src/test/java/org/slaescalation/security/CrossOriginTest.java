package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.Deployments;
import org.slaescalation.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page on another site makes the browser send requests to the service, with the Basic credentials or the session
 * cookie the browser holds for it: the browser says so ({@code Origin}, {@code Sec-Fetch-Site}), and every
 * state-changing request of that kind is refused, whatever its credentials.
 */
@ApplicationTest
class CrossOriginTest {

  @Autowired RepositoryService repositoryService;
  @LocalServerPort int port;

  @Test
  void aCrossSiteMultipartDeploymentWithValidBasicCredentialsIsRefused() {
    String name = "csrf-" + UUID.randomUUID();

    // What Chromium sends for a form on https://evil.example that auto-submits to /engine-rest/deployment/create.
    WebSession.Response answer = WebSession.anonymous(port).send("POST", "/engine-rest/deployment/create",
        Deployments.body(name, Deployments.attackerModel("csrf")), Deployments.CONTENT_TYPE, Map.of(
            "Authorization", basic("demo"), "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site",
            "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json()).containsEntry("title", "Cross-site request refused");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a page on another site                  | https://evil.example             | cross-site
      a page on a sibling subdomain           | http://evil.localhost            | same-site
      a sandboxed frame or a file             | null                             |
      another origin, no Sec-Fetch-Site       | http://localhost:1               |
      Sec-Fetch-Site alone                    |                                  | cross-site
      """)
  void aStateChangingRequestFromAnotherOriginIsRefused(String reason, String origin, String site) {
    assertThat(postTicket(origin, site).status()).as(reason).isEqualTo(403);
  }

  @Test
  void theCamundaWebappsApiRefusesCrossSiteWritesToo() {
    WebSession sam = WebSession.webapps(port, "sam");

    WebSession.Response answer = sam.send("POST", "/camunda/api/engine/engine/default/task/count",
        "{}".getBytes(StandardCharsets.UTF_8), "application/json", Map.of("Sec-Fetch-Site", "cross-site"));

    assertThat(answer.status()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      the service's own page (Swagger UI)    | http://localhost:{port} | same-origin
      an API client that is no browser       |                         |
      the public URL: unset, the server's own | http://localhost:{port} |
      """)
  void requestsOfTheServiceItselfAndOfApiClientsGoThrough(String reason, String origin, String site) {
    String own = origin == null ? null : origin.replace("{port}", Integer.toString(port));

    assertThat(postTicket(own, site).status()).as(reason).isEqualTo(201);
  }

  /** Opens a ticket as the integration, with the headers a browser would add; {@code null} leaves a header out. */
  private WebSession.Response postTicket(String origin, String site) {
    Map<String, String> headers = new HashMap<>(Map.of("Authorization", basic("crm")));
    if (origin != null) {
      headers.put("Origin", origin);
    }
    if (site != null) {
      headers.put("Sec-Fetch-Site", site);
    }
    return WebSession.anonymous(port).send("POST", "/api/tickets",
        Api.ticketJson("origin-" + UUID.randomUUID(), "P3", "standard").getBytes(StandardCharsets.UTF_8),
        "application/json", headers);
  }

  @Test
  void readingStaysPossibleFromAnywhere() {
    WebSession.Response answer = WebSession.anonymous(port).send("GET", "/api/tickets/T-999999999", null, null,
        Map.of("Authorization", basic("crm"), "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));

    // The browser shows the page of another site nothing of it: no CORS header allows it to read the answer.
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
