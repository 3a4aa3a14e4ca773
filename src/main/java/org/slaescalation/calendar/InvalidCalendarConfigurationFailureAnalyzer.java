package org.slaescalation.calendar;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an invalid calendar configuration as Boot's "APPLICATION FAILED TO START" description and action. */
class InvalidCalendarConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidCalendarConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidCalendarConfigurationException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the properties listed above (in calendars.yaml, application.yaml or an additional configuration file)"
            + " and restart.",
        cause);
  }
}
