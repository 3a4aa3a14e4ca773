package org.slaescalation.authorization;

import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine side of the roles: which authorizations the engine creates for new tasks and users
 * ({@link TeamTaskAuthorizations}). Authorization checks themselves are switched on by
 * {@code camunda.bpm.authorization.enabled=true} (application.yaml); start-up fails without it.
 */
@Component
class AuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Agents work on their team's tasks (claim, complete, submit the form) but cannot hand them to someone else:
    // TASK_WORK instead of Camunda's default UPDATE, which also allows assigning and changing the task.
    configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
    // The history of a task (Tasklist's History tab, its comments) is readable by those who may read the task, per
    // task, without READ_HISTORY on the whole process definition.
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setResourceAuthorizationProvider(new TeamTaskAuthorizations());
  }
}
