package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** No request may make the service do unbounded work: bodies over the limit answer 413 before anything reads them. */
@ApplicationTest
class RequestLimitsTest {

  static final int OVER_THE_LIMIT = 1024 * 1024 + 1;

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"/api/tickets", "/engine-rest/deployment/create", "/camunda/api/engine/engine/default/task",
      "/review/api/models", "/login"})
  void aBodyOverOneMebibyteIsA413OnEveryPath(String path) {
    WebSession.Response answer = WebSession.anonymous(port).send("POST", path, body(OVER_THE_LIMIT), "application/json",
        Map.of("Authorization", basic("demo")));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json()).containsEntry("title", "Request body too large").containsEntry("maxBytes", 1048576);
  }

  @Test
  void aChunkedBodyOverTheLimitIsA413Too() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets"))
        .header("Content-Type", "application/json")
        .header("Authorization", basic("crm"))
        // A publisher of unknown length: the client sends the body chunked, without Content-Length.
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body(OVER_THE_LIMIT))))
        .build();

    HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(413);
  }

  @Test
  void aChunkedBodyUnderTheLimitIsServed() throws IOException, InterruptedException {
    byte[] ticket = org.slaescalation.support.Api.ticketJson(null, "P3", "standard").getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets"))
        .header("Content-Type", "application/json")
        .header("Authorization", basic("crm"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(ticket)))
        .build();

    HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(201);
  }

  @Test
  void theLimitIsConfigurable() throws Exception {
    RequestBodyLimitFilter filter = new RequestBodyLimitFilter(DataSize.ofKilobytes(1));
    MockHttpServletRequest small = new MockHttpServletRequest("POST", "/api/tickets");
    small.setContent(new byte[1024]);
    MockHttpServletRequest large = new MockHttpServletRequest("POST", "/api/tickets");
    large.setContent(new byte[1025]);
    MockHttpServletResponse smallAnswer = new MockHttpServletResponse();
    MockHttpServletResponse largeAnswer = new MockHttpServletResponse();

    filter.doFilter(small, smallAnswer, new MockFilterChain());
    filter.doFilter(large, largeAnswer, new MockFilterChain());

    assertThat(smallAnswer.getStatus()).isEqualTo(200);
    assertThat(largeAnswer.getStatus()).isEqualTo(413);
  }

  private static byte[] body(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'x');
    return body;
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
