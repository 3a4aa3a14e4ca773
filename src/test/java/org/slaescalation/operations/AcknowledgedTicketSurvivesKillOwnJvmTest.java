package org.slaescalation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ServiceNode;

/**
 * A ticket acknowledged with 201 survives kill -9 on the embedded default database: the service runs as
 * {@code mvn spring-boot:run} runs it (its own JVM, the default H2 file under {@code ./data}, only the demo users
 * added), gets tickets, is killed right after the last 201, and after a restart on the same files every ticket is
 * there.
 */
class AcknowledgedTicketSurvivesKillOwnJvmTest {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(T-\\d+)\"");
  private static final String CRM = "Basic " + Base64.getEncoder().encodeToString(
      "crm:crm".getBytes(StandardCharsets.UTF_8));

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyTicketAnsweredWith201IsThereAfterKillMinus9() throws Exception {
    Path workingDirectory = Files.createTempDirectory("kill-9");
    int port = ServiceNode.freePort();
    List<String> acknowledged = new ArrayList<>();
    ServiceNode service = start(workingDirectory, port).awaitUp(CRM, Duration.ofMinutes(2));
    try {
      for (int i = 1; i <= 5; i++) {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(service.url("/api/tickets")))
            .header("Authorization", CRM).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(ticket(i))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).isTrue();
        acknowledged.add(id.group(1));
      }
    } finally {
      service.kill();
    }

    try (ServiceNode restarted = start(workingDirectory, port).awaitUp(CRM, Duration.ofMinutes(2))) {
      for (String ticketId : acknowledged) {
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(restarted.url("/api/tickets/"
            + ticketId))).header("Authorization", CRM).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).as("ticket %s after kill -9: %s", ticketId, found.body()).isEqualTo(200);
      }
    }
  }

  /** The service with its default database (relative to the working directory) and the demo users. */
  private static ServiceNode start(Path workingDirectory, int port) throws IOException {
    return ServiceNode.start(workingDirectory, "kill-9", port, "--spring.profiles.active=demo",
        "--escalation.demo.sample-tickets=false");
  }

  private static String ticket(int i) {
    return """
        {"subject": "Checkout fails %d", "description": "HTTP 500", "priority": "P2", "category": "bug",
         "customer": {"id": "acme", "name": "ACME", "email": "ops@acme.example", "tier": "business",
                      "timeZone": "Europe/Berlin"}}""".formatted(i);
  }
}
