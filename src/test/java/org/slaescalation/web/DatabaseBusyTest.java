package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.Api;
import org.slaescalation.support.TicketLoad;
import org.slaescalation.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request that finds every connection of the pool in use for {@code spring.datasource.hikari.connection-timeout}
 * answers 503 "Service busy" with {@code Retry-After}, through the real filter chain (it waits in the HTTP Basic
 * password check), with the security headers, and recorded as a 503 by {@code http.server.requests}; a browser's
 * page request gets a page instead.
 */
@ApplicationTest
class DatabaseBusyTest {

  @LocalServerPort int port;
  @Autowired HikariDataSource dataSource;
  @Autowired MeterRegistry meters;

  @Test
  void aRequestThatGetsNoConnectionInTimeAnswers503ServiceBusy() throws Exception {
    long recordedBefore = answered503();
    long started = System.nanoTime();
    WebSession.Response answer = whilePoolExhausted(() -> WebSession.anonymous(port).send("POST", "/api/tickets",
        Api.ticketJson("busy-1", "P2", "business").getBytes(StandardCharsets.UTF_8), "application/json",
        Map.of("Authorization", TicketLoad.CRM)));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(answer.status()).as(answer.body()).isEqualTo(503);
    assertThat(answer.header("Retry-After")).isEqualTo("5");
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.body()).contains("\"title\":\"Service busy\"", "\"status\":503", "\"retryable\":true",
        "may or may not have been recorded");
    assertThat(took).as("waited for a connection about connection-timeout")
        .isBetween(Duration.ofMillis(dataSource.getConnectionTimeout()), Duration.ofSeconds(15));
    assertThat(answered503()).as("http.server.requests with status 503").isEqualTo(recordedBefore + 1);
  }

  /**
   * A lead whose board reloads (or who opens it) while no connection is free gets a page that says so and reloads
   * itself, not a JSON body in place of the board; the board's own data request gets the problem body.
   */
  @Test
  void aBrowsersPageRequestGetsAPageThatReloadsItselfAndItsDataRequestAProblem() throws Exception {
    WebSession lead = WebSession.pages(port, "sophie");
    assertThat(lead.get("/board").status()).isEqualTo(200);

    WebSession.Response page = whilePoolExhausted(() -> lead.send("GET", "/board?team=support", (byte[]) null, null,
        Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")));
    WebSession.Response data = whilePoolExhausted(() -> lead.send("GET", "/board", (byte[]) null, null,
        Map.of("Accept", "application/json, text/plain, */*")));

    assertThat(page.status()).as(page.body()).isEqualTo(503);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Retry-After")).isEqualTo("5");
    assertThat(page.body()).contains("<meta http-equiv=\"refresh\" content=\"5;url=/board?team=support\">",
        "The service is busy just now",
        "reloads by itself in 5 seconds");
    assertThat(data.status()).as(data.body()).isEqualTo(503);
    assertThat(data.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(data.body()).contains("\"title\":\"Service busy\"", "Try again in 5 s.")
        .doesNotContain("recorded");
    assertThat(lead.get("/board").status()).as("the same session once connections are free").isEqualTo(200);
  }

  /** What {@code request} answers while every connection of the pool is held. */
  private <T> T whilePoolExhausted(Callable<T> request) throws Exception {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
        held.add(dataSource.getConnection());
      }
      return request.call();
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }

  private long answered503() {
    return meters.find("http.server.requests").tag("status", "503").timers().stream().mapToLong(Timer::count)
        .sum();
  }
}
