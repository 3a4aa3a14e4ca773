package org.slaescalation.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A copy of the shipped models (for {@code escalation.models.location}) in which enterprise P1 incidents have
 * targets of seconds on the {@code 24x7} calendar, and the P1 OLAs of all teams shrink to fit them. Every other row
 * keeps its shipped targets (minutes to days), so other tickets have running clocks that fall due later.
 */
public final class ShortTargetModels {

  private ShortTargetModels() {}

  public static Path copy(Duration firstResponse, Duration resolution, Duration ola, int internalPercent) {
    try {
      Path folder = Files.createTempDirectory("short-target-models");
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*")) {
        String name = resource.getFilename();
        if (name != null && !name.isEmpty()) {
          try (InputStream in = resource.getInputStream()) {
            Files.writeString(folder.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
      edit(folder.resolve("sla-policy.dmn"), Map.of(
          "OutputEntry_SlaPolicy_01_FirstResponse", quoted(firstResponse),
          "OutputEntry_SlaPolicy_01_Resolution", quoted(resolution),
          "OutputEntry_SlaPolicy_01_Calendar", "\"24x7\"",
          "OutputEntry_SlaPolicy_01_InternalTarget", String.valueOf(internalPercent)));
      edit(folder.resolve("ola-budget.dmn"), Map.of(
          "OutputEntry_OlaBudget_01_Budget", quoted(ola), "OutputEntry_OlaBudget_01_Calendar", "\"24x7\"",
          "OutputEntry_OlaBudget_05_Budget", quoted(ola), "OutputEntry_OlaBudget_05_Calendar", "\"24x7\"",
          "OutputEntry_OlaBudget_09_Budget", quoted(ola), "OutputEntry_OlaBudget_09_Calendar", "\"24x7\""));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static void edit(Path file, Map<String, String> outputs) throws IOException {
    String xml = Files.readString(file);
    for (var output : outputs.entrySet()) {
      Pattern entry = Pattern.compile("(<outputEntry id=\"" + Pattern.quote(output.getKey())
          + "\"><text>)[^<]*(</text>)");
      Matcher matcher = entry.matcher(xml);
      if (!matcher.find()) {
        throw new IllegalStateException(file.getFileName() + " has no " + output.getKey() + ": update the test");
      }
      xml = matcher.replaceFirst("$1" + Matcher.quoteReplacement(output.getValue()) + "$2");
    }
    Files.writeString(file, xml);
  }

  private static String quoted(Duration duration) {
    return "\"" + duration + "\"";
  }
}
