package org.slaescalation.authorization;
import org.slaescalation.team.Team;

/** The names of the Tasklist filters the service creates; grants refer to them by name. */
public final class TasklistFilters {

  public static final String MY_TASKS = "My tasks";
  public static final String ALL_OPEN_TICKETS = "All open tickets";

  private TasklistFilters() {}

  /** The queue of a team: "Support queue", "Engineering queue", "Sysadmin queue". */
  public static String queue(Team team) {
    return team.displayName() + " queue";
  }
}
