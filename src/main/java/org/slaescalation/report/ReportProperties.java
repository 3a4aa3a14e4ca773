package org.slaescalation.report;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code escalation.reports.*}.
 *
 * @param zone the zone a report's dates are days of (default {@code UTC}): {@code from=2031-01-01} starts at
 *             midnight there, and a ticket counts in the day it was opened there
 * @param review the thresholds of {@code GET /api/reports/review}, checked at start-up ({@link ReviewThresholds})
 */
@ConfigurationProperties("escalation.reports")
public record ReportProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue Review review) {

  /**
   * {@code escalation.reports.review.*}.
   *
   * @param lowCsat a CSAT average below this is low (default 3.5, from 1 to 5)
   * @param minAnswers the answers a segment needs before its CSAT average counts (default 5, at least 1)
   * @param highCompliance a compliance at or above this is high (default 0.95, from 0 to 1)
   * @param repeatedBreaches this many tickets with a breached SLA clock in the period are repeated breaches
   *                         (default 3, at least 1)
   */
  public record Review(@DefaultValue("3.5") double lowCsat, @DefaultValue("5") int minAnswers,
      @DefaultValue("0.95") double highCompliance, @DefaultValue("3") int repeatedBreaches) {}
}
