package org.slaescalation.coverage;

import java.util.List;

/** Rows of {@code SlaPolicy} whose targets the OLAs along the longest hand-off route do not fit. */
class OlaCoverageException extends IllegalStateException {

  private final List<String> problems;

  OlaCoverageException(List<String> problems) {
    super("The OLAs do not fit the SLA targets of decision " + OlaCoverage.DECISION + " (checked for starts every"
        + " 30 minutes of 1-14 March and 26 April-2 May 2027):\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
