package org.slaescalation.startup;

import java.util.List;

/** Settings the service cannot start without are missing or wrong; the message lists each with its fix. */
class StartupRequirementsException extends RuntimeException {

  private final List<String> problems;

  StartupRequirementsException(List<String> problems) {
    super("The service cannot start with this configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
