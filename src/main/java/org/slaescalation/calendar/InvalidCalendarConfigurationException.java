package org.slaescalation.calendar;

import java.util.List;

/** A calendar configuration that must stop start-up; each problem names its property and the fix. */
public class InvalidCalendarConfigurationException extends IllegalStateException {

  private final List<String> problems;

  InvalidCalendarConfigurationException(List<String> problems) {
    super("Invalid business calendar configuration:" + System.lineSeparator() + "  - "
        + String.join(System.lineSeparator() + "  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per problem: {@code <property> = <value>: <what is wrong>; <fix>}. */
  public List<String> problems() {
    return problems;
  }
}
