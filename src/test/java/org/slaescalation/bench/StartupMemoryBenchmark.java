package org.slaescalation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ServiceNode;

/**
 * Start-up time and memory of the service as a node of its own ({@link ServiceNode}: the application's main class
 * in a new JVM with default JVM flags, job executor on): from starting the JVM until the ticket API answers, and the
 * node's resident memory ({@code VmRSS}, {@code VmHWM} from {@code /proc}) once it settles, idle, within
 * 3 × {@code bench.idleSeconds} (default 20; 5 with {@code -Dbench.quick}). On an H2 file database (first start:
 * empty) and on an embedded PostgreSQL, first start (creates Camunda's schema and the service's tables) and restart
 * on the same database.
 */
class StartupMemoryBenchmark {

  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      "ops:Ops-password-1".getBytes(StandardCharsets.UTF_8));
  private static final String[] ADMIN_USER = {"--camunda.bpm.admin-user.id=ops",
      "--camunda.bpm.admin-user.password=Ops-password-1", "--escalation.demo.sample-tickets=false"};

  private record Result(String database, String start, long startupMs, long rssMb, long peakRssMb) {}

  @Test
  void startupAndIdleMemory() throws Exception {
    BenchReport report = new BenchReport("startup-memory", "mvn -B -ntp -Pbench test -Dtest=StartupMemoryBenchmark");
    long idle = Long.getLong("bench.idleSeconds", BenchReport.QUICK ? 5 : 20);
    List<Result> results = new ArrayList<>();
    Path folder = Files.createTempDirectory("bench-startup");
    results.add(measure(folder, "H2 file", "first (empty database)", idle,
        "--spring.datasource.url=jdbc:h2:file:./data/bench;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"));
    report.sampleLoad();
    results.add(measure(folder, "H2 file", "restart", idle,
        "--spring.datasource.url=jdbc:h2:file:./data/bench;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"));
    report.sampleLoad();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres");
      results.add(measure(folder, "PostgreSQL 14 (embedded)", "first (empty database)", idle, url,
          "--spring.datasource.username=postgres", "--spring.datasource.password="));
      report.sampleLoad();
      results.add(measure(folder, "PostgreSQL 14 (embedded)", "restart", idle, url,
          "--spring.datasource.username=postgres", "--spring.datasource.password="));
      report.sampleLoad();
    }
    StringBuilder markdown = new StringBuilder("| Database | Start | Start-up to a responding API (ms) | RSS after "
        + idle + " s idle (MB) | Peak RSS (MB) |\n|---|---|---:|---:|---:|\n");
    Map<String, Object> figures = new LinkedHashMap<>();
    for (Result result : results) {
      markdown.append(String.format("| %s | %s | %,d | %,d | %,d |%n", result.database(), result.start(),
          result.startupMs(), result.rssMb(), result.peakRssMb()));
    }
    figures.put("idleSeconds", idle);
    figures.put("results", results);
    report.write(markdown.toString(), figures);
    assertThat(results).allSatisfy(r -> assertThat(r.rssMb()).isPositive());
  }

  private static Result measure(Path folder, String database, String start, long idleSeconds, String... arguments)
      throws Exception {
    List<String> all = new ArrayList<>(List.of(arguments));
    all.addAll(List.of(ADMIN_USER));
    long begin = System.nanoTime();
    try (ServiceNode node = ServiceNode.start(folder, database.replaceAll("\\W", ""), ServiceNode.freePort(),
        all.toArray(String[]::new))) {
      node.awaitUp(ADMIN, Duration.ofMinutes(5));
      long startup = (System.nanoTime() - begin) / 1_000_000;
      Map<String, Long> status = settled(node.pid(), idleSeconds);
      return new Result(database, start, startup, status.get("VmRSS") / 1024, status.get("VmHWM") / 1024);
    }
  }

  /**
   * The node's /proc figures once its resident memory has settled: three readings a second apart within 1 MB of each
   * other (the start-up's last allocations and the job executor's first idle polls are behind it), at most
   * {@code 3 × idleSeconds} after it answered.
   */
  private static Map<String, Long> settled(long pid, long idleSeconds) {
    List<Long> readings = new ArrayList<>();
    return org.awaitility.Awaitility.await("the resident memory of node " + pid + " settles")
        .atMost(Duration.ofSeconds(Math.max(3, 3 * idleSeconds))).pollInterval(Duration.ofSeconds(1))
        .until(() -> {
          Map<String, Long> now = status(pid);
          readings.add(now.get("VmRSS"));
          int n = readings.size();
          return n >= 3 && Math.abs(readings.get(n - 1) - readings.get(n - 3)) <= 1024
              && Math.abs(readings.get(n - 2) - readings.get(n - 3)) <= 1024 ? now : null;
        }, java.util.Objects::nonNull);
  }

  /** The kB figures of /proc/PID/status. */
  private static Map<String, Long> status(long pid) throws Exception {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("Vm")) {
        String[] parts = line.split("\\s+");
        values.put(parts[0].replace(":", ""), Long.parseLong(parts[1]));
      }
    }
    return values;
  }
}
