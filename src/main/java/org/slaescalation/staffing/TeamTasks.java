package org.slaescalation.staffing;

import java.time.Instant;
import java.util.List;

/**
 * The work a team was given, as the engine's history records it: the team's user tasks (the tasks whose candidate
 * group is the team) created in a period. Implemented by the engine glue, so that the staffing arithmetic stays
 * plain Java.
 */
public interface TeamTasks {

  /**
   * One task of the team.
   *
   * @param ended when it was completed, or {@code null} while it is open (or when it was cancelled)
   * @param priority the ticket's priority ({@code P1} ... {@code P4}) when the task was created
   */
  record TeamTask(Instant created, Instant ended, String priority) {}

  /** The team's tasks created in {@code [from, to)}, oldest first. */
  List<TeamTask> created(String team, Instant from, Instant to);
}
