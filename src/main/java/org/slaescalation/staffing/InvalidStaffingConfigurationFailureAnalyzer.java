package org.slaescalation.staffing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an invalid staffing configuration as Boot's "APPLICATION FAILED TO START" description and action. */
class InvalidStaffingConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidStaffingConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidStaffingConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Fix the escalation.staffing properties listed above (application.yaml or an additional configuration file)"
            + " and restart.", cause);
  }
}
