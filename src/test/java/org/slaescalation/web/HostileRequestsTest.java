package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests of every odd shape, on every part of the HTTP interface, as an administrator and as an integration:
 * none may answer 5xx. Bad input is the client's fault and gets a 4xx that says so.
 */
@ApplicationTest
class HostileRequestsTest {

  static final List<String> PATHS = List.of(
      "/api/tickets", "/api/tickets/T-10001", "/api/tickets/T-99999999999999999999", "/api/tickets/%00",
      "/api/tickets/T-10001/customer-replies", "/api/tickets/%20/customer-replies",
      "/api/calendars", "/api/calendars/support", "/api/calendars/%7B%7D/due",
      "/api/calendars/support/due?start=2027-01-01T00:00:00Z&duration=PT1H%00",
      "/api/calendars/support/elapsed?from=2027-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&from=x",
      "/api/calendars/support/closed-dates?year=99999999999999999999", "/api/sla/coverage",
      "/engine-rest/task", "/engine-rest/task/count", "/engine-rest/task?orQueries=%5B%5D",
      "/engine-rest/task?sortBy=x&sortOrder=y", "/engine-rest/task?maxResults=-1&firstResult=x",
      "/engine-rest/process-definition/key/ticket-escalation/start", "/engine-rest/filter/create",
      "/engine-rest/deployment/create", "/engine-rest/process-instance?variables=a_eq",
      "/engine-rest/history/task?taskDueDate=yesterday", "/engine-rest/message",
      "/engine-rest/engine/nope/task", "/review/api/processes/%3Cscript%3E/xml", "/review/api/models",
      "/mail-outbox/not-a-number", "/mail-outbox?limit=99999999999", "/login", "/", "/error", "/error/x");

  static final List<String> BODIES = List.of("", "null", "[]", "{", "\"x\"", "1e999999", "{\"subject\": {\"$ne\": 1}}",
      "{\"orQueries\": \"not-a-list\"}", "{\"orQueries\": [null, 1, [\"${x}\"]]}", "{\"variables\": {\"a\": 1}}",
      "{\"subject\": \"\\u0000\", \"priority\": \"P1\\n\"}", "[".repeat(5_000) + "]".repeat(5_000),
      "{\"a\":" .repeat(3_000) + "1" + "}".repeat(3_000));

  static final List<String> CONTENT_TYPES = List.of("application/json;charset=nonsense", "application/hal+json",
      "text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded");

  @LocalServerPort int port;

  /** One hostile request: who sends it, how, where, with which body. */
  private record Attempt(String user, String method, String path, byte[] body, String type) {}

  /**
   * About 4,000 requests, sent from four threads: on two cores one thread left a core idle (client and server take
   * turns), and the suite waited a minute here.
   */
  @Test
  void noRequestOfAnyShapeAnswers5xx() throws Exception {
    List<Attempt> attempts = new ArrayList<>();
    for (String user : List.of("demo", "crm")) {
      for (String path : PATHS) {
        for (String method : List.of("GET", "DELETE", "OPTIONS")) {
          attempts.add(new Attempt(user, method, path, null, null));
        }
        for (String method : List.of("POST", "PUT", "PATCH")) {
          for (String body : BODIES) {
            attempts.add(new Attempt(user, method, path, body.getBytes(StandardCharsets.UTF_8), "application/json"));
          }
          for (String type : CONTENT_TYPES) {
            attempts.add(new Attempt(user, method, path, "{}".getBytes(StandardCharsets.UTF_8), type));
          }
          attempts.add(new Attempt(user, method, path, new byte[] {(byte) 0xC3, (byte) 0x28, '{'},
              "application/json"));
        }
      }
    }
    List<String> failures = new CopyOnWriteArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      for (Future<?> sent : senders.invokeAll(attempts.stream()
          .map(attempt -> Executors.callable(() -> check(failures, attempt))).toList())) {
        sent.get();
      }
    } finally {
      senders.shutdown();
    }
    assertThat(failures.stream().sorted().toList()).isEmpty();
  }

  private void check(List<String> failures, Attempt attempt) {
    Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((attempt.user() + ":" + attempt.user()).getBytes(StandardCharsets.UTF_8))));
    WebSession.Response answer = WebSession.anonymous(port).send(attempt.method(), attempt.path(), attempt.body(),
        attempt.type(), headers);
    if (answer.status() >= 500) {
      byte[] body = attempt.body();
      String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      failures.add(attempt.user() + " " + attempt.method() + " " + attempt.path() + " [" + attempt.type() + "] "
          + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown) + " -> " + answer.status() + " "
          + (answer.body().length() > 200 ? answer.body().substring(0, 200) : answer.body()));
    }
  }

  @Test
  void camundasRestApiGetsA400ForBodiesItCannotRead() {
    Map<String, String> auth = Map.of("Authorization", "Basic "
        + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)));
    for (String body : List.of("null", "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000), "{\"maxResults\": ")) {
      WebSession.Response answer = WebSession.anonymous(port).send("POST", "/engine-rest/task",
          body.getBytes(StandardCharsets.UTF_8), "application/json", auth);

      assertThat(answer.status()).as(body.substring(0, Math.min(20, body.length()))).isEqualTo(400);
      assertThat(answer.json()).containsEntry("title", "Malformed request body");
    }
  }

  @Test
  void theErrorPageRequestedDirectlyIsNotFound() {
    for (String method : List.of("GET", "POST")) {
      WebSession.Response answer = WebSession.anonymous(port).send(method, "/error", null, null);

      assertThat(answer.status()).as(method).isEqualTo(404);
      assertThat(answer.json()).containsEntry("status", 404);
    }
  }
}
