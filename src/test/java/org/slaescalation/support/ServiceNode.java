package org.slaescalation.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as a node of its own: a JVM started from this test JVM's class path (surefire's manifest-only jar
 * carries it) in a working directory, on a free port, its output in {@code node-<name>.log} there.
 */
public final class ServiceNode implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private ServiceNode(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a node; {@code arguments} are Spring Boot command-line properties, e.g. {@code --spring.profiles.active=demo}. */
  public static ServiceNode start(Path workingDirectory, String name, int port, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.slaescalation.SlaEscalationApplication",
        "--server.port=" + port));
    command.addAll(List.of(arguments));
    Path log = workingDirectory.resolve("node-" + name + "-" + Instant.now().toEpochMilli() + ".log");
    Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    return new ServiceNode(process, port, log);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The node's operating-system process id (for its memory in /proc). */
  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /**
   * Waits until the ticket API answers {@code authorization}'s request for an unknown ticket with 404: the node is up.
   * Fails with the end of the node's log when it exits first.
   */
  public ServiceNode awaitUp(String authorization, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        List<String> lines = Files.readAllLines(log);
        throw new AssertionError("The node exited with " + process.exitValue() + ":\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
      }
      try {
        HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/tickets/T-1")))
            .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 404) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      process.waitFor(250, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("The node did not start within " + within);
  }

  /** kill -9: no shutdown hook, nothing flushed on the way out. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
