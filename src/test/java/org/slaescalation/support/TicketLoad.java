package org.slaescalation.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tickets arriving through the intake API ({@code POST /api/tickets} as the integration user), from a few threads
 * at once, each request timed. Every attempt is kept: a ticket counts as acknowledged only when the answer was 201
 * with its id. A refused connection or a time-out is an attempt without a ticket.
 */
public final class TicketLoad implements AutoCloseable {

  public static final String CRM = basic("crm", "crm");

  /** One request: when it started, how long it took, its status (-1: no answer) and the ticket id of a 201. */
  public record Attempt(int sequence, boolean shortClocks, Instant startedAt, Duration took, int status,
      String ticketId, String error) {

    public boolean acknowledged() {
      return status == 201 && ticketId != null;
    }
  }

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(T-\\d+)\"");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ExecutorService threads;
  private final List<String> baseUrls;
  private final IntFunction<Boolean> shortClocks;

  private TicketLoad(List<String> baseUrls, int threadCount, IntFunction<Boolean> shortClocks) {
    this.baseUrls = baseUrls;
    this.shortClocks = shortClocks;
    this.threads = Executors.newFixedThreadPool(threadCount);
  }

  /**
   * Posts {@code total} tickets from {@code threadCount} threads, at most {@code perSecond} a second in all, to the
   * nodes at {@code baseUrls} in turn; {@code shortClocks} says which of them (by sequence number, from 1) are
   * enterprise P1 incidents, the others standard P3 bugs whose clocks run for hours. Returns at once.
   */
  public static TicketLoad start(List<String> baseUrls, int threadCount, int total, double perSecond,
      IntFunction<Boolean> shortClocks) {
    TicketLoad load = new TicketLoad(baseUrls, threadCount, shortClocks);
    long pauseNanos = (long) (1e9 * threadCount / perSecond);
    for (int t = 0; t < threadCount; t++) {
      int offset = t;
      load.threads.submit(() -> {
        long next = System.nanoTime() + pauseNanos * offset / threadCount;
        while (load.running.get()) {
          long wait = next - System.nanoTime();
          if (wait > 0) {
            try {
              TimeUnit.NANOSECONDS.sleep(wait); // pacing of the load generator, not a wait for the service
            } catch (InterruptedException e) {
              return null;
            }
          }
          next += pauseNanos;
          int number = load.sequence.incrementAndGet();
          if (number > total) {
            return null;
          }
          load.post(number);
        }
        return null;
      });
    }
    load.threads.shutdown();
    return load;
  }

  /** Waits until every ticket of the load was tried. */
  public TicketLoad awaitDone(Duration within) throws InterruptedException {
    if (!threads.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("The ticket load did not finish within " + within);
    }
    return this;
  }

  /** Stops sending (the requests under way finish). */
  public TicketLoad stop() throws InterruptedException {
    running.set(false);
    return awaitDone(Duration.ofSeconds(60));
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    threads.shutdownNow();
  }

  public List<Attempt> attempts() {
    return attempts.stream().sorted((a, b) -> Integer.compare(a.sequence(), b.sequence())).toList();
  }

  public List<Attempt> acknowledged() {
    return attempts().stream().filter(Attempt::acknowledged).toList();
  }

  /** Attempts started since {@code since}. */
  public int attemptsSince(Instant since) {
    return (int) attempts.stream().filter(a -> !a.startedAt().isBefore(since)).count();
  }

  private void post(int number) {
    boolean isShort = shortClocks.apply(number);
    String base = baseUrls.get(number % baseUrls.size());
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
              .timeout(Duration.ofSeconds(30)).header("Authorization", CRM)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json(number, isShort))).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher id = ID.matcher(answer.body());
      attempts.add(new Attempt(number, isShort, started, Duration.ofNanos(System.nanoTime() - t0),
          answer.statusCode(), answer.statusCode() == 201 && id.find() ? id.group(1) : null,
          answer.statusCode() == 201 ? null : abbreviate(answer.body())));
    } catch (IOException e) {
      attempts.add(new Attempt(number, isShort, started, Duration.ofNanos(System.nanoTime() - t0), -1, null,
          e.getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An enterprise P1 incident (the short clocks of {@link ShortTargetModels}) or a standard P3 bug. */
  public static String json(int number, boolean shortClocks) {
    return """
        {"subject": "Checkout fails %d", "description": "HTTP 500 on every order", "priority": "%s",
         "category": "%s", "customer": {"id": "acme", "name": "ACME Retail", "email": "ops@acme.example",
         "tier": "%s", "timeZone": "Europe/Amsterdam"}}""".formatted(number, shortClocks ? "P1" : "P3",
        shortClocks ? "incident" : "bug", shortClocks ? "enterprise" : "standard");
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** How the attempts went, as one line per status. */
  public static String summary(List<Attempt> attempts) {
    java.util.Map<String, Integer> byStatus = new java.util.TreeMap<>();
    for (Attempt a : attempts) {
      byStatus.merge(a.status() == -1 ? "no answer (" + a.error() + ")" : String.valueOf(a.status()), 1,
          Integer::sum);
    }
    List<Long> millis = new ArrayList<>(attempts.stream().map(a -> a.took().toMillis()).toList());
    return "attempts " + attempts.size() + " " + byStatus + ", latency ms " + Figures.distribution(millis);
  }

  private static String abbreviate(String body) {
    return body.length() > 200 ? body.substring(0, 200) : body;
  }
}
