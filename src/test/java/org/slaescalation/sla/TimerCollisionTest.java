package org.slaescalation.sla;

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
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slaescalation.support.ProcessTestEngine;
import org.slaescalation.ticket.TaskOutcome;
import org.slaescalation.ticket.TicketProcess;

/**
 * A timer never fails an agent's action: the agent completes the triage task while the task's OLA warning timer
 * fires in another transaction, which commits first. The completion collides at commit (optimistic locking on the
 * executions both changed) and runs again; the agent sees no error.
 */
@Deployment(resources = {
    "processes/ticket-escalation.bpmn", "processes/escalation-mail.bpmn", "processes/sla-policy.dmn",
    "processes/ola-budget.dmn", "processes/triage-ticket.form", "processes/follow-up-ticket.form",
    "processes/investigate-ticket.form", "processes/fix-infrastructure.form", "processes/confirm-resolution.form"})
class TimerCollisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ProcessTestEngine.resetTables(1);
    ProcessTestEngine.registerBeans();
    ProcessTestEngine.MAILS.clear();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void anAgentCompletesTheTaskWhileItsTimerFires_theCompletionSucceeds() throws Exception {
    EscalationLadderProcessTest.at("2027-03-01T09:00:00Z");
    ProcessInstance instance = EscalationLadderProcessTest.openTicket();
    Job warning = EscalationLadderProcessTest.timer(instance, "BoundaryEvent_TriageOlaWarning");
    ClockUtil.setCurrentTime(warning.getDuedate());

    // The completion's own listener, first in line, lets the timer's transaction run and commit while the
    // completion is under way: exactly the interleaving of a click in Tasklist with the job executor.
    AtomicInteger attempts = new AtomicInteger();
    AtomicBoolean timerFired = new AtomicBoolean();
    AtomicReference<Throwable> timerFailure = new AtomicReference<>();
    TaskOutcome outcome = new TaskOutcome();
    Mocks.register("taskOutcome", (TaskListener) (DelegateTask delegate) -> {
      if (TaskListener.EVENTNAME_COMPLETE.equals(delegate.getEventName()) && attempts.incrementAndGet() == 1) {
        Thread timer = new Thread(() -> {
          try {
            ProcessTestEngine.registerBeans();
            ClockUtil.setCurrentTime(warning.getDuedate());
            engine.getProcessEngine().getManagementService().executeJob(warning.getId());
            timerFired.set(true);
          } catch (Throwable e) {
            timerFailure.set(e);
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

    taskService().complete(task(instance).getId(), Map.of("outcome", "handoff-engineering",
        "supportNote", "Reproduced, engineering please look"));

    assertThat(timerFailure.get()).as("the timer's transaction").isNull();
    assertThat(timerFired).isTrue();
    assertThat(attempts.get()).as("the completion collided once and ran again").isEqualTo(2);
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
