package org.slaescalation.report;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an invalid report configuration as Boot's "APPLICATION FAILED TO START" description and action. */
class InvalidReportConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidReportConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidReportConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Fix the escalation.reports properties listed above (application.yaml or an additional configuration file)"
            + " and restart.", cause);
  }
}
