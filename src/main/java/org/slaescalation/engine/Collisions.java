package org.slaescalation.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs a whole transaction of the service (opening a ticket, a customer reply, a priority change) again when it
 * collided at commit with a job of the same ticket, such as a ladder timer firing: the caller never sees the
 * collision, the second run sees what the job committed.
 */
public final class Collisions {

  private Collisions() {}

  /**
   * {@code transaction} (one whole transaction, e.g. a {@code TransactionTemplate.execute}) until it does not collide.
   * A collision that remains after {@value CollisionRetryPlugin#ATTEMPTS} runs is thrown as Spring's
   * {@link OptimisticLockingFailureException} (the API answers it with 409).
   */
  public static <T> T retried(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (OptimisticLockingException collision) {
        if (attempt == CollisionRetryPlugin.ATTEMPTS) {
          throw new OptimisticLockingFailureException(collision.getMessage(), collision);
        }
      } catch (OptimisticLockingFailureException collision) {
        if (attempt == CollisionRetryPlugin.ATTEMPTS) {
          throw collision;
        }
      }
    }
  }
}
