package org.slaescalation.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page of {@code /actuator/prometheus} as a Prometheus server reads it: each sample by its series, written as the
 * page writes it, e.g. {@code escalation_clocks_open{clock="resolution",state="paused"}}.
 */
public record Scrape(Map<String, Double> samples) {

  /** Reads the text format: one {@code <series> <value>} per line, comments ({@code #}) skipped. */
  public static Scrape of(String page) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : page.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.valueOf(line.substring(space + 1)));
    }
    return new Scrape(samples);
  }

  /** The value of {@code series}, which the page must have. */
  public double value(String series) {
    assertThat(samples).as("series in the scrape").containsKey(series);
    return samples.get(series);
  }

  /** How much {@code series} grew since {@code before}: what a test did, whatever tests before it left. */
  public double since(Scrape before, String series) {
    return value(series) - before.value(series);
  }
}
