package org.slaescalation.coverage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code escalation.coverage.*}: the OLA coverage check ({@link OlaCoverage}).
 *
 * @param checkOnStartup whether start-up fails when the OLAs do not fit a row of {@code SlaPolicy} (default
 *                       {@code true}); {@code false} only for an emergency: the service then starts and logs the
 *                       rows that do not fit, and {@code GET /api/sla/coverage} still shows them
 */
@ConfigurationProperties("escalation.coverage")
public record CoverageProperties(@DefaultValue("true") boolean checkOnStartup) {}
