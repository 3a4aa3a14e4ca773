package org.slaescalation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the scale benchmarks put their results: a section of {@code docs/benchmarks.md} between the markers
 * {@code <!-- bench:NAME:MODE -->} and {@code <!-- /bench:NAME:MODE -->} (MODE is {@code quick} or {@code full}),
 * replaced on each run, and the same figures under {@code MODE.NAME} in {@code docs/benchmarks.json}. Each section
 * starts with the machine, the command, the date and the load average, which the benchmark samples while it runs.
 */
final class BenchReport {

  static final boolean QUICK = System.getProperty("bench.quick") != null
      && !"false".equals(System.getProperty("bench.quick"));
  static final String MODE = QUICK ? "quick" : "full";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String name;
  private final String command;
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private double loadMin = Double.MAX_VALUE;
  private double loadMax;

  BenchReport(String name, String command) {
    this.name = name;
    this.command = command;
    sampleLoad();
  }

  /** The 1-minute load average now; the report names the lowest and highest sampled. */
  void sampleLoad() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    if (load >= 0) {
      loadMin = Math.min(loadMin, load);
      loadMax = Math.max(loadMax, load);
    }
  }

  String load() {
    return loadMin == Double.MAX_VALUE ? "unknown" : String.format("%.1f-%.1f", loadMin, loadMax);
  }

  /** Machine, command, date and load as the first lines of a section. */
  String header() {
    sampleLoad();
    return "Machine: " + machine() + ". Command: `" + command + "`" + (QUICK ? " (quick run)" : "")
        + ". Date: " + started + ". Load average (1 min, on " + Runtime.getRuntime().availableProcessors()
        + " cores) while it ran: " + load() + ".\n";
  }

  /** Replaces this benchmark's section in docs/benchmarks.md and its entry in docs/benchmarks.json. */
  void write(String markdown, Map<String, Object> figures) throws IOException {
    Path docs = docs();
    Path md = docs.resolve("benchmarks.md");
    String text = Files.readString(md);
    String open = "<!-- bench:" + name + ":" + MODE + " -->";
    String close = "<!-- /bench:" + name + ":" + MODE + " -->";
    String section = open + "\n" + header() + "\n" + markdown.strip() + "\n" + close;
    int from = text.indexOf(open);
    int to = text.indexOf(close);
    if (from >= 0 && to > from) {
      text = text.substring(0, from) + section + text.substring(to + close.length());
    } else {
      text = text.stripTrailing() + "\n\n" + section + "\n";
    }
    Files.writeString(md, text);

    Path jsonFile = docs.resolve("benchmarks.json");
    ObjectNode root = Files.exists(jsonFile) ? (ObjectNode) JSON.readTree(jsonFile.toFile()) : JSON.createObjectNode();
    ObjectNode mode = root.has(MODE) ? (ObjectNode) root.get(MODE) : root.putObject(MODE);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("machine", machine());
    entry.put("command", command + (QUICK ? " -Dbench.quick" : ""));
    entry.put("date", started.toString());
    entry.put("loadAverage", load());
    entry.put("cores", Runtime.getRuntime().availableProcessors());
    entry.putAll(figures);
    mode.set(name, JSON.valueToTree(entry));
    JSON.writeValue(jsonFile.toFile(), root);
    Path copy = Path.of("target", "bench", name + "-" + MODE + ".md");
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, section + "\n");
  }

  /** CPU model, cores, memory, operating system and JVM, without host names or paths. */
  static String machine() {
    String cpu = "unknown CPU";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst().orElse(cpu);
    } catch (IOException | RuntimeException e) {
      // not Linux: leave it unknown
    }
    long memory = 0;
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      memory = lines.filter(l -> l.startsWith("MemTotal:")).map(l -> l.replaceAll("\\D", ""))
          .mapToLong(Long::parseLong).findFirst().orElse(0) / 1024 / 1024;
    } catch (IOException | RuntimeException e) {
      // unknown
    }
    return Runtime.getRuntime().availableProcessors() + " vCPUs (" + cpu + "), " + (memory + 1) + " GB RAM, "
        + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
        + System.getProperty("java.runtime.version");
  }

  private static Path docs() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No docs/ folder above the working directory");
    }
    return dir.resolve("docs");
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(List<Long> sorted, double percent) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
