package org.slaescalation.report;

import java.util.List;

/** A report configuration that must stop start-up; each problem names its property and the fix. */
public class InvalidReportConfigurationException extends IllegalStateException {

  InvalidReportConfigurationException(List<String> problems) {
    super("Invalid report configuration:" + System.lineSeparator() + "  - "
        + String.join(System.lineSeparator() + "  - ", problems));
  }
}
