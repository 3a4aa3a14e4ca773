package org.slaescalation.coverage;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One rule (row) of decision {@code SlaPolicy}, as an operator sees it in Camunda Modeler.
 *
 * @param index               1-based position in the table
 * @param description         the rule's description, or {@code null}
 * @param inputs              input expression (tier, priority, category) to the entry text, {@code -} meaning any
 * @param priorities          the priorities the priority entry allows, P1 to P4
 * @param firstResponseTarget output {@code firstResponseTarget}
 * @param resolutionTarget    output {@code resolutionTarget}
 * @param calendar            output {@code calendar}
 */
public record SlaRow(
    int index, String description, Map<String, String> inputs, List<String> priorities,
    Duration firstResponseTarget, Duration resolutionTarget, String calendar) {

  public SlaRow {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    priorities = List.copyOf(priorities);
  }

  /** How messages name the row: {@code row 11 "Enterprise P2" (tier "enterprise", priority "P2", category any)}. */
  String label() {
    String entries = inputs.entrySet().stream()
        .map(e -> e.getKey() + " " + (isAny(e.getValue()) ? "any" : e.getValue()))
        .collect(Collectors.joining(", "));
    return "row " + index + (description == null ? "" : " \"" + description + "\"") + " (" + entries + ")";
  }

  /** Whether a DMN input entry matches anything ({@code -} or empty). */
  public static boolean isAny(String entry) {
    return entry == null || entry.isBlank() || entry.strip().equals("-");
  }
}
