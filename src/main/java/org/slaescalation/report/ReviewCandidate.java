package org.slaescalation.report;

import java.util.Map;

/**
 * A segment worth an SLA review, {@code GET /api/reports/review}.
 *
 * @param flag {@code low-csat-high-compliance}, {@code repeated-breaches} or {@code looser-target-no-csat-loss}
 * @param reason one sentence with the numbers
 * @param numbers the figures behind the flag, and the thresholds they were held against
 */
record ReviewCandidate(String group, String flag, String reason, Map<String, Object> numbers) {}
