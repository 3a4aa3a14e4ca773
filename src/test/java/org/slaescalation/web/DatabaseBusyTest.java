package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.Api;
import org.slaescalation.support.TicketLoad;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request that finds every connection of the pool in use for {@code spring.datasource.hikari.connection-timeout}
 * answers 503 "Service busy" with {@code Retry-After}, through the real filter chain (it waits in the HTTP Basic
 * password check), with the security headers, and recorded as a 503 by {@code http.server.requests}.
 */
@ApplicationTest
class DatabaseBusyTest {

  @LocalServerPort int port;
  @Autowired HikariDataSource dataSource;
  @Autowired MeterRegistry meters;

  @Test
  void aRequestThatGetsNoConnectionInTimeAnswers503ServiceBusy() throws Exception {
    long recordedBefore = answered503();
    List<Connection> held = new ArrayList<>();
    HttpResponse<String> answer;
    long started;
    long took;
    try {
      for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
        held.add(dataSource.getConnection());
      }
      started = System.nanoTime();
      answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/api/tickets")).timeout(Duration.ofSeconds(60)).header("Authorization", TicketLoad.CRM)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Api.ticketJson("busy-1", "P2", "business"))).build(),
          HttpResponse.BodyHandlers.ofString());
      took = System.nanoTime() - started;
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).contains("5");
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(answer.body()).contains("\"title\":\"Service busy\"", "\"status\":503", "\"retryable\":true");
    assertThat(Duration.ofNanos(took)).as("waited for a connection about connection-timeout")
        .isBetween(Duration.ofMillis(dataSource.getConnectionTimeout()), Duration.ofSeconds(15));
    assertThat(answered503()).as("http.server.requests with status 503").isEqualTo(recordedBefore + 1);
  }

  private long answered503() {
    return meters.find("http.server.requests").tag("status", "503").timers().stream().mapToLong(Timer::count)
        .sum();
  }
}
