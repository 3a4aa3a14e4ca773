package org.slaescalation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
    int port = freePort();
    List<String> acknowledged = new ArrayList<>();
    Process service = start(workingDirectory, port);
    try {
      awaitUp(port, service);
      for (int i = 1; i <= 5; i++) {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/tickets"))
            .header("Authorization", CRM).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(ticket(i))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).isTrue();
        acknowledged.add(id.group(1));
      }
    } finally {
      service.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, nothing flushed on the way out
    }

    Process restarted = start(workingDirectory, port);
    try {
      awaitUp(port, restarted);
      for (String ticketId : acknowledged) {
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/tickets/"
            + ticketId)).header("Authorization", CRM).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).as("ticket %s after kill -9: %s", ticketId, found.body()).isEqualTo(200);
      }
    } finally {
      restarted.destroyForcibly().waitFor();
    }
  }

  /** The service with its default database (relative to the working directory) and the demo users. */
  private static Process start(Path workingDirectory, int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.slaescalation.SlaEscalationApplication", "--server.port=" + port, "--spring.profiles.active=demo",
        "--escalation.demo.sample-tickets=false")
        .directory(workingDirectory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workingDirectory.resolve("service-" + Instant.now().toEpochMilli() + ".log").toFile())
        .start();
  }

  private void awaitUp(int port, Process service) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      if (!service.isAlive()) {
        throw new AssertionError("The service exited with " + service.exitValue());
      }
      try {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/tickets/T-1"))
            .header("Authorization", CRM).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 404) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      service.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("The service did not start within 2 minutes");
  }

  private static String ticket(int i) {
    return """
        {"subject": "Checkout fails %d", "description": "HTTP 500", "priority": "P2", "category": "bug",
         "customer": {"id": "acme", "name": "ACME", "email": "ops@acme.example", "tier": "business",
                      "timeZone": "Europe/Berlin"}}""".formatted(i);
  }

  private static String base(int port) {
    return "http://127.0.0.1:" + port;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static {
    // the class path of this JVM starts the service too (surefire's manifest-only jar carries it)
    assert new File(System.getProperty("java.class.path").split(File.pathSeparator)[0]).exists();
  }
}
