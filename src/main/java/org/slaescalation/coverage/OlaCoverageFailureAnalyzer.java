package org.slaescalation.coverage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the rows whose OLAs do not fit as Boot's "APPLICATION FAILED TO START" description and action. */
class OlaCoverageFailureAnalyzer extends AbstractFailureAnalyzer<OlaCoverageException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, OlaCoverageException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "For each row listed: " + OlaCoverageCheck.FIX + ". Edit processes/sla-policy.dmn or processes/ola-budget.dmn"
            + " (or the copies in escalation.models.location) and restart. GET /api/sla/coverage shows every row's"
            + " margins. Only in an emergency, start anyway with escalation.coverage.check-on-startup=false.",
        cause);
  }
}
