package org.slaescalation.report;

/**
 * One group of {@code GET /api/reports/sla}. Times are ISO-8601 durations of business time ({@code PT1H30M}),
 * {@code null} when no clock of the group stopped.
 */
record ReportRow(String group, int tickets, Compliance firstResponse, Compliance resolution,
    String medianFirstResponse, String p90FirstResponse, String medianResolution, String p90Resolution) {

  /**
   * How one SLA clock ended in the group.
   *
   * @param compliance {@code met / (met + breached)}, from 0 to 1; {@code null} when no clock was met or breached
   */
  record Compliance(int met, int breached, Double compliance, int internalMet) {}
}
