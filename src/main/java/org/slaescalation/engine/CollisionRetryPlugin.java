package org.slaescalation.engine;

import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A timer never fails an agent's action: a command that collides with a job of the same ticket (a ladder timer firing
 * while an agent completes the task, a customer's reply, a variable change) loses the race at commit with an
 * optimistic locking exception. This interceptor, outside the engine's transaction, runs such a command again in a
 * new transaction, up to {@value #ATTEMPTS} times; the second run sees what the job committed. Commands inside a
 * caller's transaction are not retried here (the caller retries the whole transaction, see {@link Collisions}), nor
 * are jobs: the job executor retries them itself.
 */
@Component
public class CollisionRetryPlugin extends AbstractProcessEnginePlugin {

  static final int ATTEMPTS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(CollisionRetryPlugin.class);

  /**
   * Commands of the job executor and of job execution (camunda-engine 7.24): acquiring, executing (also
   * {@code ManagementService.executeJob}), unlocking and failing a job. The job executor handles their collisions.
   */
  private static final Set<String> JOB_COMMANDS = Set.of("AcquireJobsCmd", "ExecuteJobsCmd", "UnlockJobCmd",
      "DefaultJobRetryCmd", "FailedJobListenerCmd", "CreateNewTimerJobCommand");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        PluginLists.with(configuration.getCustomPreCommandInterceptorsTxRequired(), new Retry()));
  }

  /** Runs a colliding command again, in a new transaction. */
  static final class Retry extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (TransactionSynchronizationManager.isActualTransactionActive()
          || JOB_COMMANDS.contains(command.getClass().getSimpleName())) {
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException | OptimisticLockingFailureException collision) {
          if (attempt == ATTEMPTS) {
            throw collision;
          }
          LOG.debug("{} collided with another transaction, running it again ({})", command.getClass().getSimpleName(),
              collision.getMessage());
        }
      }
    }
  }
}
