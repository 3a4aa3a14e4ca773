package org.slaescalation.authorization;

import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureValidIndividualResourceId;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.team.Team;

/**
 * The authorizations the engine creates as tasks and users come and go. Camunda's defaults, with two changes:
 *
 * <ul>
 *   <li>When a team becomes a task's candidate group, the team's agents get {@link #AGENT_TASK_PERMISSIONS} on the
 *       task (Camunda's default with {@code TASK_WORK} as the default task permission) and the team's leads
 *       {@link #LEAD_TASK_PERMISSIONS}, so that they can also hand the task to another agent. The assignee gets
 *       {@link #AGENT_TASK_PERMISSIONS} as well, for as long as the task is theirs: when it goes to someone else, the
 *       previous assignee's authorization is removed (Camunda keeps it), and so is a previous owner's, unless they
 *       still hold the task in the other role. Nobody else gets anything on the task.
 *   <li>A new user may read and update their own profile and password, not delete themselves ({@code ALL} in
 *       Camunda's default).
 * </ul>
 *
 * Each task grant comes with one to read the task's history ({@code HISTORIC_TASK}: Tasklist's History tab and
 * comments), which stays with the history. Task authorizations are removed by the engine when the task ends.
 */
class TeamTaskAuthorizations extends DefaultAuthorizationProvider {

  static final TaskPermissions[] AGENT_TASK_PERMISSIONS = {TaskPermissions.READ, TaskPermissions.TASK_WORK};
  static final TaskPermissions[] LEAD_TASK_PERMISSIONS =
      {TaskPermissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN};

  @Override
  public AuthorizationEntity[] newUser(User user) {
    ensureValidIndividualResourceId("Cannot create default authorization for user " + user.getId(), user.getId());
    return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(),
        Permissions.READ, Permissions.UPDATE)};
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    revoke(task, oldAssignee, newAssignee, task.getOwner());
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    revoke(task, oldOwner, newOwner, task.getAssignee());
    return super.newTaskOwner(task, oldOwner, newOwner);
  }

  /** Removes the grant of a task's previous assignee or owner, unless they still hold it in their other role. */
  private void revoke(Task task, String previous, String next, String otherRole) {
    if (previous != null && !previous.equals(next) && !previous.equals(otherRole)) {
      getAuthorizationManager().deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), previous);
    }
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    AuthorizationEntity[] agents = super.newTaskGroupIdentityLink(task, groupId, type);
    Optional<Team> team = Team.fromCode(groupId);
    if (team.isEmpty()) {
      return agents;
    }
    AuthorizationEntity leads = createOrUpdateAuthorization(task, null, team.get().leadsGroup(), Resources.TASK,
        false, LEAD_TASK_PERMISSIONS);
    AuthorizationEntity leadsHistory = createOrUpdateAuthorization(task, null, team.get().leadsGroup(),
        Resources.HISTORIC_TASK, true, HistoricTaskPermissions.READ);
    return Stream.concat(Arrays.stream(agents), Stream.of(leads, leadsHistory)).toArray(AuthorizationEntity[]::new);
  }
}
