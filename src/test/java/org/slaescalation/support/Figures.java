package org.slaescalation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** The figures of a fault test: distributions, and the report written to the log and {@code target/fault-tests/}. */
public final class Figures {

  private final String name;
  private final StringBuilder text = new StringBuilder();

  public Figures(String name) {
    this.name = name;
  }

  public Figures line(String format, Object... arguments) {
    text.append(String.format(format, arguments)).append('\n');
    return this;
  }

  /** Logs the report and writes it to {@code target/fault-tests/<name>.txt}; call it before the assertions. */
  public void write(Logger log) {
    log.info("{}:\n{}", name, text);
    try {
      Path file = Path.of("target", "fault-tests", name + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** {@code n 12: min 3, p50 40, p99 120, max 130} of the values (in any order); {@code n 0} when empty. */
  public static String distribution(List<Long> values) {
    if (values.isEmpty()) {
      return "n 0";
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return String.format("n %d: min %d, p50 %d, p99 %d, max %d", sorted.size(), sorted.get(0),
        percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
  }

  /** Nearest-rank percentile of sorted values. */
  public static long percentile(List<Long> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
