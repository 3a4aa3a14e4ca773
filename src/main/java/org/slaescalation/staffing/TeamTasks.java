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
   * @param claimed when the agent who completed it took it: the start of the task's last unbroken stretch with an
   *     assignee (a claim, or an assignment by a lead), or {@code null} when no claim or assignment was recorded (a
   *     task completed without one, or an assignee the model set at creation)
   * @param ended when it was completed, or {@code null} while it is open (or when it was cancelled)
   * @param priority the ticket's priority ({@code P1} ... {@code P4}) when the task was created
   */
  record TeamTask(Instant created, Instant claimed, Instant ended, String priority) {

    /**
     * Where its handling began: when it was claimed, or, without a recorded claim before its end, when it was
     * created (its wait in the queue then counts as handling, erring towards more agents).
     */
    public Instant handlingStarted() {
      return claimed != null && !claimed.isBefore(created) && (ended == null || !claimed.isAfter(ended))
          ? claimed : created;
    }
  }

  /** The team's tasks created in {@code [from, to)}, oldest first. */
  List<TeamTask> created(String team, Instant from, Instant to);
}
