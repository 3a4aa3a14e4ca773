package org.slaescalation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slaescalation.engine.Collisions;
import org.slaescalation.support.ProcessTestEngine;
import org.slaescalation.ticket.TicketProcess;

/**
 * A timer never fails an agent's action: the agent completes the triage task while the task's OLA warning timer
 * fires in another transaction, which commits first. The completion collides at commit (optimistic locking on the
 * executions both changed) and runs again; the agent sees no error.
 */
@Deployment(resources = {
    "processes/ticket-escalation.bpmn", "processes/escalation-mail.bpmn", "processes/reply-mail.bpmn",
    "processes/sla-policy.dmn",
    "processes/ola-budget.dmn", "processes/triage-ticket.form", "processes/follow-up-ticket.form",
    "processes/investigate-ticket.form", "processes/fix-infrastructure.form", "processes/confirm-resolution.form",
    "processes/await-customer.form"})
class TimerCollisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  @BeforeEach
  void setUp() {
    ProcessTestEngine.beforeTicketTest();
  }

  @AfterEach
  void tearDown() {
    ProcessTestEngine.afterTicketTest();
  }

  @Test
  void anAgentCompletesTheTaskWhileItsTimerFires_theCompletionSucceeds() {
    ProcessInstance instance = ticketWithTimerDue();
    Collision collision = collideOnFirstCompletion();

    taskService().complete(task(instance).getId(), Map.of("outcome", "handoff-engineering",
        "internalNote", "Reproduced, engineering please look"));

    collision.assertTheTimerWonAndTheCompletionRanTwice();
    assertTheTicketMovedOn(instance);
  }

  @Test
  void aServiceTransactionThatCollidesWithATimerRunsAgainWhole() {
    ProcessInstance instance = ticketWithTimerDue();
    Collision collision = collideOnFirstCompletion();

    // As TicketService runs its transactions: inside the caller's transaction the engine does not retry, the
    // collision reaches the caller, which runs the whole transaction again.
    Collisions.retried(() -> ProcessTestEngine.transactions().execute(status -> {
      taskService().complete(task(instance).getId(), Map.of("outcome", "handoff-engineering",
          "internalNote", "Reproduced, engineering please look"));
      return null;
    }));

    collision.assertTheTimerWonAndTheCompletionRanTwice();
    assertTheTicketMovedOn(instance);
  }

  private ProcessInstance ticketWithTimerDue() {
    ProcessTestEngine.at("2027-03-01T09:00:00Z");
    ProcessInstance instance = EscalationLadderProcessTest.openTicket();
    warning = EscalationLadderProcessTest.timer(instance, "BoundaryEvent_TriageOlaWarning");
    ClockUtil.setCurrentTime(warning.getDuedate());
    return instance;
  }

  private Job warning;

  /** What the collision left: whether the timer's transaction committed, and how often the completion ran. */
  private record Collision(AtomicInteger attempts, AtomicBoolean timerFired, AtomicReference<Throwable> failure) {

    void assertTheTimerWonAndTheCompletionRanTwice() {
      assertThat(failure.get()).as("the timer's transaction").isNull();
      assertThat(timerFired).isTrue();
      assertThat(attempts.get()).as("the completion collided once and ran again").isEqualTo(2);
    }
  }

  /**
   * The completion's own listener, first in line, lets the timer's transaction run and commit while the first
   * completion is under way (before it wrote anything): exactly the interleaving of a click in Tasklist with the
   * job executor.
   */
  private Collision collideOnFirstCompletion() {
    Collision collision = new Collision(new AtomicInteger(), new AtomicBoolean(), new AtomicReference<>());
    TaskOutcome outcome = new TaskOutcome();
    Job timerJob = warning;
    Mocks.register("taskOutcome", (TaskListener) (DelegateTask delegate) -> {
      if (TaskListener.EVENTNAME_COMPLETE.equals(delegate.getEventName())
          && collision.attempts().incrementAndGet() == 1) {
        Thread timer = new Thread(() -> {
          try {
            ProcessTestEngine.registerBeans();
            ClockUtil.setCurrentTime(timerJob.getDuedate());
            engine.getProcessEngine().getManagementService().executeJob(timerJob.getId());
            collision.timerFired().set(true);
          } catch (Throwable e) {
            collision.failure().set(e);
          } finally {
            Mocks.reset();
          }
        });
        timer.start();
        try {
          timer.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      outcome.notify(delegate);
    });
    return collision;
  }

  private static void assertTheTicketMovedOn(ProcessInstance instance) {
    assertThat(taskService().createTaskQuery().taskDefinitionKey(TicketProcess.TASK_TRIAGE).count())
        .as("the agent's completion went through").isZero();
    // The timer's escalation, recorded and sent in jobs of their own, then lets the first response end.
    for (Job record : managementService().createJobQuery().processInstanceId(instance.getId()).messages().list()) {
      managementService().executeJob(record.getId());
    }
    ProcessTestEngine.sendEscalationMails();
    assertThat(EscalationLadderProcessTest.levelsSent("ola-support"))
        .as("support's OLA was met by the completion: its warning is moot").isEmpty();
    assertThat(instance).isWaitingAt(TicketProcess.TASK_INVESTIGATE);
  }
}
