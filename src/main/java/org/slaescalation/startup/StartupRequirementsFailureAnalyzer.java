package org.slaescalation.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the missing settings as Boot's "APPLICATION FAILED TO START" description and action. */
class StartupRequirementsFailureAnalyzer extends AbstractFailureAnalyzer<StartupRequirementsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupRequirementsException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set the properties listed above (in application.yaml, an additional configuration file, command-line"
            + " arguments or environment variables) and start again. The section Security of docs/operations.md"
            + " explains each.",
        cause);
  }
}
