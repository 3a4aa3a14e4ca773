package org.slaescalation.report;

import java.util.List;
import java.util.Map;

/**
 * One group of {@code GET /api/reports/sla}. Times are ISO-8601 durations of business time ({@code PT1H30M}),
 * {@code null} when no clock of the group stopped.
 *
 * @param breaches the tickets of the group with a breached SLA clock (first response, resolution or both)
 * @param escalations escalations sent per ladder rung ({@code internal}, {@code warning}, {@code critical},
 *                    {@code breach}), every rung listed, in ladder order
 * @param ola OLA compliance per team that had a stint on a ticket of the group, by team code
 */
record ReportRow(String group, int tickets, Compliance firstResponse, Compliance resolution,
    String medianFirstResponse, String p90FirstResponse, String medianResolution, String p90Resolution,
    int breaches, Paused timePaused, Map<String, Integer> escalations, List<Ola> ola, Csat csat) {

  /**
   * How one SLA clock ended in the group.
   *
   * @param compliance {@code met / (met + breached)}, from 0 to 1; {@code null} when no clock was met or breached
   */
  record Compliance(int met, int breached, Double compliance, int internalMet) {}

  /**
   * Business time the resolution clock stood still, per ticket whose resolution stopped met or breached.
   *
   * @param median nearest-rank median of those tickets' paused time; {@code null} without such a ticket
   * @param total their sum; {@code null} without such a ticket
   */
  record Paused(String median, String total) {}

  /**
   * A team's OLA stints on the group's tickets.
   *
   * @param compliance {@code met / (met + breached)}; {@code null} when no stint was met or breached
   */
  record Ola(String team, int stints, int met, int breached, Double compliance) {}

  /**
   * The survey answers of the group's tickets.
   *
   * @param average the mean rating, {@code null} without answers
   * @param scores answers per rating, {@code "1"} to {@code "5"}, every rating listed
   */
  record Csat(int answers, Double average, Map<String, Integer> scores) {}
}
