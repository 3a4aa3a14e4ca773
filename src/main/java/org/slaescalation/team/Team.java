package org.slaescalation.team;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three teams a ticket moves between. The code is the Camunda group id of the team's agents and the BPMN
 * candidate group; {@link #leadsGroup()} is the group of its team leads.
 */
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

  /** The Camunda group of the team's leads: {@code support-leads}, {@code engineering-leads}, {@code sysadmin-leads}. */
  public String leadsGroup() {
    return code + "-leads";
  }

  public static Optional<Team> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }
}
