package org.slaescalation.staffing;

import java.util.List;

/** A staffing configuration that must stop start-up; each problem names its property and the fix. */
public class InvalidStaffingConfigurationException extends IllegalStateException {

  InvalidStaffingConfigurationException(List<String> problems) {
    super("Invalid staffing configuration:" + System.lineSeparator() + "  - "
        + String.join(System.lineSeparator() + "  - ", problems));
  }
}
