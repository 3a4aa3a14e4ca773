package org.slaescalation.report;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code escalation.reports.*}.
 *
 * @param zone the zone a report's dates are days of (default {@code UTC}): {@code from=2031-01-01} starts at
 *             midnight there, and a ticket counts in the day it was opened there
 */
@ConfigurationProperties("escalation.reports")
public record ReportProperties(@DefaultValue("UTC") ZoneId zone) {}
