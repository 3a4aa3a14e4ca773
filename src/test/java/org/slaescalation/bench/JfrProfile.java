package org.slaescalation.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Java Flight Recorder execution samples counted three ways: by the component of the first frame from the top that is
 * not the JDK's (the library whose code ran, or called the JDK), by the service method nearest the top of the stack
 * (what the frames above it were doing for), and by every service method on the stack (inclusive), plus by thread
 * (pool names without their numbers).
 */
final class JfrProfile {

  final Map<String, Long> components = new HashMap<>();
  final Map<String, Long> nearest = new HashMap<>();
  final Map<String, Long> inclusive = new HashMap<>();
  final Map<String, Long> threads = new HashMap<>();
  long samples;

  /** The execution samples of the threads whose Java name {@code thread} accepts. */
  static JfrProfile read(Path file, Predicate<String> thread) throws IOException {
    JfrProfile profile = new JfrProfile();
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
          || event.getThread("sampledThread") == null) {
        continue;
      }
      String name = event.getThread("sampledThread").getJavaName();
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (name == null || !thread.test(name) || frames.isEmpty()) {
        continue;
      }
      profile.samples++;
      profile.threads.merge(name.replaceAll("\\d+", "N"), 1L, Long::sum);
      profile.components.merge(frames.stream().map(f -> f.getMethod().getType().getName()).filter(t -> !jdk(t))
          .findFirst().map(JfrProfile::component).orElse("JDK only (no library frame on the stack)"), 1L, Long::sum);
      List<String> service = frames.stream().filter(f -> serviceCode(f.getMethod().getType().getName()))
          .map(JfrProfile::simpleName).toList();
      profile.nearest.merge(service.isEmpty() ? "(none: the engine's own work)" : service.get(0), 1L, Long::sum);
      service.stream().distinct().forEach(method -> profile.inclusive.merge(method, 1L, Long::sum));
    }
    return profile;
  }

  /** Share of the samples in percent. */
  double share(long count) {
    return samples == 0 ? 0 : 100.0 * count / samples;
  }

  /** The service's methods, on the stack and nearest the top, {@code n} rows each, as a Markdown table. */
  String methods(int n) {
    StringBuilder md = new StringBuilder("| On the stack | Share | Nearest the top | Share |\n|---|---:|---|---:|\n");
    List<Map.Entry<String, Long>> onStack = top(inclusive, n);
    List<Map.Entry<String, Long>> near = top(nearest, n);
    for (int i = 0; i < Math.max(onStack.size(), near.size()); i++) {
      md.append(cells(onStack, i)).append(cells(near, i)).append("|\n");
    }
    return md.toString();
  }

  static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
        .toList();
  }

  private String cells(List<Map.Entry<String, Long>> rows, int i) {
    return i < rows.size() ? String.format("| `%s` | %.1f %% ", rows.get(i).getKey(), share(rows.get(i).getValue()))
        : "| | ";
  }

  /**
   * The service's own code, without the benchmarks' drivers, the command interceptor that wraps every engine
   * command, and lambdas.
   */
  private static boolean serviceCode(String type) {
    return type.startsWith("org.slaescalation.") && !type.startsWith("org.slaescalation.bench.")
        && !type.startsWith("org.slaescalation.support.") && !type.startsWith("org.slaescalation.engine.CollisionRetryPlugin") && !type.contains("$$Lambda");
  }

  private static boolean jdk(String type) {
    return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.");
  }

  private static String simpleName(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1).replaceAll("\\$\\$SpringCGLIB\\$\\$\\d+", "") + "."
        + frame.getMethod().getName();
  }

  static String component(String type) {
    if (type.startsWith("org.slaescalation.")) {
      return "the service's code";
    }
    if (type.startsWith("org.camunda.bpm.dmn.") || type.startsWith("org.camunda.feel.")
        || type.startsWith("camundajar.") || type.startsWith("scala.")) {
      return "DMN and FEEL (Camunda, Scala)";
    }
    if (type.startsWith("org.apache.ibatis.") || type.startsWith("org.camunda.bpm.engine.impl.db.")) {
      return "Camunda persistence (MyBatis)";
    }
    if (type.startsWith("org.camunda.")) {
      return "Camunda engine (other)";
    }
    if (type.startsWith("org.postgresql.") || type.startsWith("com.zaxxer.") || type.startsWith("org.h2.")) {
      return "JDBC driver, pool, H2";
    }
    if (type.startsWith("jakarta.mail.") || type.startsWith("org.eclipse.angus.") || type.startsWith("org.thymeleaf")
        || type.startsWith("org.attoparser.")) {
      return "mail and templates";
    }
    if (type.startsWith("com.fasterxml.")) {
      return "Jackson";
    }
    if (type.startsWith("org.springframework.")) {
      return "Spring";
    }
    if (type.startsWith("org.apache.catalina.") || type.startsWith("org.apache.coyote.")
        || type.startsWith("org.apache.tomcat.")) {
      return "Tomcat";
    }
    return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
  }

  /** Counts merged into a map of its own, for the machine-readable summary. */
  Map<String, Object> figures() {
    return Map.of("samples", samples, "components", components, "threads", threads,
        "serviceMethodsInclusive", new HashMap<>(inclusive));
  }
}
