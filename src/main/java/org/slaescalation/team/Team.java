package org.slaescalation.team;

import java.util.Arrays;
import java.util.Optional;

/** The three teams a ticket moves between. The code is the Camunda group id and the BPMN candidate group. */
public enum Team {
  SUPPORT("support", "Support"),
  ENGINEERING("engineering", "Engineering"),
  SYSADMIN("sysadmin", "Sysadmin");

  private final String code;
  private final String displayName;

  Team(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<Team> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }
}
