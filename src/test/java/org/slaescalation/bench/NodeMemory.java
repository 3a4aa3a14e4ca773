package org.slaescalation.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.awaitility.Awaitility;

/** A node's resident memory from {@code /proc/PID/status} (Linux): {@code VmRSS} now and {@code VmHWM}, its peak. */
record NodeMemory(long rssMb, long peakRssMb) {

  /**
   * The node's memory once it has settled: three readings a second apart within 1 MB of each other (the start-up's
   * last allocations and the job executor's first idle polls are behind it), at most {@code atMost} after the call.
   */
  static NodeMemory settled(long pid, Duration atMost) {
    List<Long> readings = new ArrayList<>();
    Map<String, Long> status = Awaitility.await("the resident memory of node " + pid + " settles")
        .atMost(atMost).pollInterval(Duration.ofSeconds(1))
        .until(() -> {
          Map<String, Long> now = status(pid);
          readings.add(now.get("VmRSS"));
          int n = readings.size();
          return n >= 3 && Math.abs(readings.get(n - 1) - readings.get(n - 3)) <= 1024
              && Math.abs(readings.get(n - 2) - readings.get(n - 3)) <= 1024 ? now : null;
        }, Objects::nonNull);
    return new NodeMemory(status.get("VmRSS") / 1024, status.get("VmHWM") / 1024);
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
