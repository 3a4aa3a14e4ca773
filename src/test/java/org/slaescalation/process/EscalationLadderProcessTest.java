package org.slaescalation.process;

import static org.slaescalation.support.ProcessTestEngine.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockState;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.notification.OutgoingMail;
import org.slaescalation.support.ProcessTestEngine;
import org.slaescalation.support.ShippedCalendars;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketVariables;

/**
 * The clocks and the escalation ladder of processes/ticket-escalation.bpmn on the shipped calendars and the
 * shipped tables, driving the engine clock: every instant below is worked out by hand in business time.
 */
@Deployment(resources = {
    "processes/ticket-escalation.bpmn", "processes/escalation-mail.bpmn", "processes/reply-mail.bpmn",
    "processes/sla-policy.dmn", "processes/ola-budget.dmn",
    "processes/triage-ticket.form", "processes/follow-up-ticket.form", "processes/investigate-ticket.form",
    "processes/fix-infrastructure.form", "processes/confirm-resolution.form",
    "processes/await-customer.form"})
class EscalationLadderProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private ClockStints clocks;

  @BeforeEach
  void setUp() {
    clocks = ProcessTestEngine.beforeTicketTest();
  }

  @AfterEach
  void tearDown() {
    ProcessTestEngine.afterTicketTest();
  }

  /** A standard-tier P3 question (first response 16 h, resolution 80 h on the support calendar, internal 80 %). */
  static ProcessInstance openTicket() {
    return ProcessTestEngine.startAtTriage(ProcessTestEngine.ticket("P3", "standard", "question", "initech"));
  }

  static Job timer(ProcessInstance instance, String boundaryEvent) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(boundaryEvent)
        .singleResult();
  }

  static Instant due(ProcessInstance instance, String boundaryEvent) {
    return timer(instance, boundaryEvent).getDuedate().toInstant();
  }

  /** Fires a timer and runs the escalation step behind it, as the job executor would. */
  static void fire(ProcessInstance instance, String boundaryEvent) {
    ClockUtil.setCurrentTime(timer(instance, boundaryEvent).getDuedate());
    execute(timer(instance, boundaryEvent));
    for (Job sendJob : managementService().createJobQuery().processInstanceId(instance.getId()).messages().list()) {
      execute(sendJob);
    }
    ProcessTestEngine.sendEscalationMails();
  }

  static List<String> levelsSent(String clock) {
    return ProcessTestEngine.MAILS.sent().stream()
        .filter(mail -> clock.equals(mail.headers().get("X-Escalation-Clock")))
        .map(mail -> mail.headers().get("X-Escalation-Level"))
        .toList();
  }

  @Test
  void firstResponseLadder_acrossAWeekend_firesAtTheBusinessInstants_andLeavesTheTaskInPlace() {
    at("2027-03-05T14:00:00Z"); // Friday 15:00 CET, support closes at 16:00
    ProcessInstance instance = openTicket();

    // 16 h budget: 1 h on Friday, 8 h on Monday, the rest on Tuesday 9 March (08:30-12:00, 13:00-17:30 CET).
    assertThat(due(instance, "BoundaryEvent_FirstResponseWarning")).isEqualTo("2027-03-09T10:30:00Z");       // 12 h
    assertThat(due(instance, "BoundaryEvent_FirstResponseInternalTarget")).isEqualTo("2027-03-09T12:18:00Z"); // 12 h 48
    assertThat(due(instance, "BoundaryEvent_FirstResponseCritical")).isEqualTo("2027-03-09T13:54:00Z");      // 14 h 24
    assertThat(due(instance, "BoundaryEvent_FirstResponseBreached")).isEqualTo("2027-03-09T15:30:00Z");      // 16 h

    fire(instance, "BoundaryEvent_FirstResponseWarning");

    assertThat(levelsSent("first-response")).containsExactly("75");
    assertThat(instance).isWaitingAt(TicketProcess.TASK_TRIAGE);

    fire(instance, "BoundaryEvent_FirstResponseInternalTarget");
    fire(instance, "BoundaryEvent_FirstResponseCritical");
    fire(instance, "BoundaryEvent_FirstResponseBreached");

    assertThat(levelsSent("first-response")).containsExactly("75", "80", "90", "100");
    assertThat(clocks.latest(1, ClockName.FIRST_RESPONSE)).get()
        .extracting(ClockStint::state).isEqualTo(ClockState.BREACHED);
    assertThat(instance).isWaitingAt(TicketProcess.TASK_TRIAGE);
    OutgoingMail breach = ProcessTestEngine.MAILS.sent().stream()
        .filter(mail -> "100".equals(mail.headers().get("X-Escalation-Level"))
            && "first-response".equals(mail.headers().get("X-Escalation-Clock")))
        .findFirst().orElseThrow();
    assertThat(breach.to()).containsExactly("manager@example.com");
    assertThat(breach.headers()).containsEntry("X-Ticket-Id", "T-1");
  }

  @Test
  void firstResponseLadder_skipsKingsDay() {
    at("2027-04-26T14:00:00Z"); // Monday 16:00 CEST; Tuesday 27 April is King's Day
    ProcessInstance instance = openTicket();

    // 1.5 h on Monday, Tuesday closed, 8 h on Wednesday, the rest on Thursday 29 April.
    assertThat(due(instance, "BoundaryEvent_FirstResponseWarning")).isEqualTo("2027-04-29T09:00:00Z");  // 12 h
    assertThat(due(instance, "BoundaryEvent_FirstResponseBreached")).isEqualTo("2027-04-29T14:00:00Z"); // 16 h
  }

  @Test
  void eachTeamsOlaRunsInItsOwnCalendar_andAnExpiredOlaLeavesTheTaskWithTheTeam() {
    at("2027-03-01T09:00:00Z"); // Monday 10:00 CET
    ProcessInstance instance = openTicket();

    // Support, P3: 4 h of support hours: 10:00-12:00 and 13:00-15:00.
    assertThat(due(instance, "BoundaryEvent_TriageOlaWarning")).isEqualTo("2027-03-01T13:00:00Z");
    assertThat(due(instance, "BoundaryEvent_TriageOlaExpired")).isEqualTo("2027-03-01T14:00:00Z");
    assertThat(task(instance).getDueDate()).isEqualTo(Date.from(Instant.parse("2027-03-01T14:00:00Z")));
    assertThat((String) BpmnAwareTests.taskService().getVariableLocal(task(instance).getId(), TaskClockListener.CLOCK_SUMMARY))
        .contains("Support OLA (target 4 h): 4 h left, due Mon 1 Mar 2027, 15:00 CET (calendar support); business time")
        .contains("First response SLA (target 16 h): 16 h left")
        .contains("Resolution SLA (target 3 d 8 h): 3 d 8 h left");

    at("2027-03-01T10:00:00Z"); // Monday 11:00 CET
    complete(task(instance), withVariables("outcome", "handoff-engineering", "internalNote", "Reproduced"));

    // Engineering, P3: 16 h of engineering hours (09:00-18:00): 7 h on Monday, 9 h on Tuesday.
    assertThat(due(instance, "BoundaryEvent_InvestigationOlaWarning")).isEqualTo("2027-03-02T13:00:00Z");
    assertThat(due(instance, "BoundaryEvent_InvestigationOlaExpired")).isEqualTo("2027-03-02T17:00:00Z");
    assertThat(clocks.latest(1, ClockName.ola("support"))).get()
        .extracting(ClockStint::state).isEqualTo(ClockState.MET);

    at("2027-03-02T09:00:00Z");
    complete(task(instance), withVariables("outcome", "handoff-sysadmin", "internalNote", "Disk full"));

    // Sysadmin, P3: 8 h around the clock.
    assertThat(due(instance, "BoundaryEvent_InfrastructureOlaWarning")).isEqualTo("2027-03-02T15:00:00Z");
    assertThat(due(instance, "BoundaryEvent_InfrastructureOlaExpired")).isEqualTo("2027-03-02T17:00:00Z");

    fire(instance, "BoundaryEvent_InfrastructureOlaExpired");

    assertThat(levelsSent("ola-sysadmin")).containsExactly("75", "100");
    assertThat(ProcessTestEngine.MAILS.sent().stream()
        .filter(mail -> "ola-sysadmin".equals(mail.headers().get("X-Escalation-Clock"))).map(OutgoingMail::to))
        .containsExactly(List.of("sysadmin@example.com"), List.of("sysadmin-lead@example.com"));
    assertThat(instance).isWaitingAt(TicketProcess.TASK_FIX_INFRASTRUCTURE);
    assertThat(clocks.latest(1, ClockName.ola("sysadmin"))).get()
        .extracting(ClockStint::state).isEqualTo(ClockState.BREACHED);
  }

  @Test
  void waitingOnTheCustomer_movesEveryResolutionTimerByThePausedBusinessTime() {
    at("2027-03-01T09:00:00Z"); // Monday 10:00 CET
    ProcessInstance instance = openTicket();
    List<String> ladder = List.of("BoundaryEvent_ResolutionInternalTarget", "BoundaryEvent_ResolutionWarning",
        "BoundaryEvent_ResolutionCritical", "BoundaryEvent_ResolutionBreached");
    List<Instant> before = ladder.stream().map(id -> due(instance, id)).toList();
    // 60 h of the 80 h budget: 6.5 h Monday, 8 h Tuesday to Thursday, 6.5 h Friday, 8 h Monday and Tuesday,
    // 7 h on Wednesday 10 March.
    assertThat(due(instance, "BoundaryEvent_ResolutionWarning")).isEqualTo("2027-03-10T15:30:00Z");

    complete(task(instance), withVariables("outcome", "waiting-on-customer", "customerReply", "Which browser?"));
    ProcessTestEngine.sendReplies(); // the question is the first response: its ladder stops
    // While the ticket waits, the old warning instant passes: the job executor (which acquires active jobs only)
    // must find no rung to fire, so that none fires early and gets lost (the wait's own reminder and close are due).
    at("2027-03-11T00:00:00Z");
    assertThat(due(instance, "BoundaryEvent_ResolutionWarning")).isEqualTo(LadderTimers.HELD);
    assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).executable().active().list())
        .extracting(j -> managementService().createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId())
            .singleResult().getActivityId())
        .containsExactlyInAnyOrder("BoundaryEvent_WaitingReminder", "BoundaryEvent_WaitingClose");
    at("2027-03-02T09:00:00Z"); // the reply comes on Tuesday 10:00 CET: 8 h of support hours later
    runtimeService().createMessageCorrelation(TicketProcess.MESSAGE_CUSTOMER_REPLY)
        .processInstanceBusinessKey("T-1").correlate();

    assertThat(due(instance, "BoundaryEvent_ResolutionWarning")).isEqualTo("2027-03-11T15:30:00Z");
    assertThat(timer(instance, "BoundaryEvent_ResolutionWarning").isSuspended()).isFalse();
    assertThat(due(instance, "BoundaryEvent_ResolutionCritical")).isBefore(LadderTimers.HELD);
    var support = ShippedCalendars.get().get("support");
    for (int i = 0; i < ladder.size(); i++) {
      assertThat(support.elapsed(before.get(i), due(instance, ladder.get(i)))).as(ladder.get(i))
          .isEqualTo(Duration.ofHours(8));
    }
    assertThat(clocks.pauses(1)).singleElement()
        .satisfies(pause -> {
          assertThat(pause.reason()).isEqualTo("waiting-on-customer");
          assertThat(pause.from()).isEqualTo("2027-03-01T09:00:00Z");
          assertThat(pause.to()).isEqualTo("2027-03-02T09:00:00Z");
        });
    assertThat(clocks.latest(1, ClockName.RESOLUTION)).get().extracting(ClockStint::state)
        .isEqualTo(ClockState.RUNNING);
  }

  @Test
  void aNewPriorityReschedulesTheClocks_keepingTheTimeAlreadySpent() {
    at("2027-03-01T09:00:00Z"); // Monday 10:00 CET
    ProcessInstance instance = openTicket();
    var engineServices = engine.getProcessEngine();
    var ladder = new org.slaescalation.ladder.Ladder(ProcessTestEngine.LADDER, clocks);
    var report = new TicketApiClocks(clocks, ladder,
        new org.slaescalation.ladder.EscalationOutbox(ProcessTestEngine.jdbc()),
        new OlaDeadlines(engineServices.getDecisionService(), engineServices.getRepositoryService()),
        new LadderTimers(engineServices.getRepositoryService(), engineServices.getManagementService(), clocks,
            ladder),
        engineServices.getDecisionService(), engineServices.getRepositoryService(),
        engineServices.getRuntimeService(), engineServices.getTaskService());

    at("2027-03-01T11:00:00Z"); // two hours later the customer turns out to be down: P1
    runtimeService().setVariable(instance.getId(), TicketVariables.PRIORITY, "P1");
    report.policyChanged(instance.getId(), 1);

    // Standard P1: first response 2 h from 10:00 CET, so due now; resolution 16 h: 6.5 h Monday, 8 h Tuesday,
    // 1.5 h on Wednesday from 08:30.
    assertThat(due(instance, "BoundaryEvent_FirstResponseBreached")).isEqualTo("2027-03-01T11:00:00Z");
    assertThat(due(instance, "BoundaryEvent_ResolutionBreached")).isEqualTo("2027-03-03T09:00:00Z");
    assertThat(runtimeService().getVariable(instance.getId(), TicketVariables.RESOLUTION_TARGET)).isEqualTo("PT16H");
    // Support's P1 OLA is 30 minutes from the task's start at 10:00 CET.
    assertThat(due(instance, "BoundaryEvent_TriageOlaExpired")).isEqualTo("2027-03-01T09:30:00Z");
    assertThat(task(instance).getDueDate()).isEqualTo(Date.from(Instant.parse("2027-03-01T09:30:00Z")));
    assertThat(task(instance).getPriority()).isEqualTo(92);
  }

  @Test
  void aMailServerOutageDelaysTheEscalation_loseNone_andRaisesAnIncidentWhenRetriesRunOut() {
    at("2027-03-01T09:00:00Z");
    ProcessInstance instance = openTicket();
    ClockUtil.setCurrentTime(timer(instance, "BoundaryEvent_TriageOlaWarning").getDuedate());
    execute(timer(instance, "BoundaryEvent_TriageOlaWarning"));
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult());
    Job send = mailJob();

    // The retries back off (escalation.mail.retry.intervals): a minute, then two, …
    ProcessTestEngine.MAILS.failNext(2);
    Instant failedAt = ClockUtil.getCurrentTime().toInstant();
    for (Duration wait : List.of(Duration.ofMinutes(1), Duration.ofMinutes(2))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(send.getId()))
          .hasMessageContaining("Mail server unreachable");
      Job failed = managementService().createJobQuery().jobId(send.getId()).singleResult();
      assertThat(failed.getDuedate().toInstant()).isEqualTo(failedAt.plus(wait));
      failedAt = failed.getDuedate().toInstant();
      ClockUtil.setCurrentTime(failed.getDuedate());
    }
    managementService().executeJob(send.getId());

    assertThat(levelsSent("ola-support")).containsExactly("75");
    assertThat(managementService().createJobQuery().jobId(send.getId()).count()).isZero();

    // A second rung while the server stays down: the mail's job tries for as long as the intervals last (about
    // 11 hours), and only then shows as an incident that names the ticket, the clock and the rung; the rung stays
    // recorded and its mail pending.
    ClockUtil.setCurrentTime(timer(instance, "BoundaryEvent_TriageOlaExpired").getDuedate());
    execute(timer(instance, "BoundaryEvent_TriageOlaExpired"));
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult());
    Job expired = mailJob();
    Instant outageStart = ClockUtil.getCurrentTime().toInstant();
    int tries = ProcessTestEngine.MAIL_RETRY.intervals().size() + 1;
    ProcessTestEngine.MAILS.failNext(tries);
    for (int attempt = 1; attempt <= tries; attempt++) {
      assertThat(runtimeService().createIncidentQuery().processInstanceId(expired.getProcessInstanceId()).count())
          .as("no incident before try %d", attempt).isZero();
      Job due = managementService().createJobQuery().jobId(expired.getId()).singleResult();
      if (due.getDuedate() != null) {
        ClockUtil.setCurrentTime(due.getDuedate());
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(expired.getId()));
    }
    assertThat(Duration.between(outageStart, ClockUtil.getCurrentTime().toInstant()))
        .isEqualTo(ProcessTestEngine.MAIL_RETRY.untilIncident());
    assertThat(runtimeService().createIncidentQuery().processInstanceId(expired.getProcessInstanceId()).singleResult()
        .getIncidentMessage()).contains("T-1", "ola-support/breach");
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
        .as("the ticket itself runs on").isZero();
    assertThat(levelsSent("ola-support")).containsExactly("75");
    managementService().setJobRetries(expired.getId(), 1); // an operator retries it from Cockpit
    managementService().executeJob(expired.getId());
    assertThat(levelsSent("ola-support")).containsExactly("75", "100");
  }

  /** The one job of an "Escalation mail" instance that is waiting to send. */
  static Job mailJob() {
    return managementService().createJobQuery().processDefinitionKey(RecordEscalations.MAIL_PROCESS_KEY)
        .singleResult();
  }

  @Test
  void aMetClockCancelsTheRestOfItsLadder() {
    at("2027-03-01T09:00:00Z");
    ProcessInstance instance = openTicket();
    fire(instance, "BoundaryEvent_TriageOlaWarning");
    assertThat(levelsSent("ola-support")).containsExactly("75");

    complete(task(instance), withVariables("outcome", "handoff-engineering", "internalNote", "Reproduced",
        "customerReply", "We reproduced it and our engineers are on it."));
    assertThat(clocks.latest(1, ClockName.FIRST_RESPONSE)).get().extracting(ClockStint::state)
        .as("the reply is not mailed yet").isEqualTo(ClockState.RUNNING);
    ProcessTestEngine.sendReplies();

    assertThat(due(instance, "BoundaryEvent_FirstResponseBreached")).isEqualTo(LadderTimers.HELD);
    assertThat(timer(instance, "BoundaryEvent_TriageOlaExpired")).isNull();
    assertThat(clocks.latest(1, ClockName.FIRST_RESPONSE)).get().extracting(ClockStint::state)
        .isEqualTo(ClockState.MET);
    assertThat(timer(instance, "BoundaryEvent_ResolutionBreached")).isNotNull();

    complete(task(instance), withVariables("outcome", "resolved", "customerReply", "Fixed in release 4.2."));

    assertThat(timer(instance, "BoundaryEvent_ResolutionBreached")).isNull();
    assertThat(timer(instance, "BoundaryEvent_FirstResponseBreached")).as("gone with its scope").isNull();
    assertThat(clocks.latest(1, ClockName.RESOLUTION)).get().extracting(ClockStint::state)
        .isEqualTo(ClockState.MET);
    assertThat(instance).isWaitingAt(TicketProcess.TASK_CONFIRM_RESOLUTION);
  }

  @Test
  void aHandOffWithoutAReplyLeavesTheFirstResponseRunning_andItsLadderEscalates() {
    at("2027-03-01T09:00:00Z");
    ProcessInstance instance = openTicket();
    Instant breach = due(instance, "BoundaryEvent_FirstResponseBreached");

    complete(task(instance), withVariables("outcome", "handoff-engineering", "internalNote", "Reproduced"));

    assertThat(clocks.latest(1, ClockName.FIRST_RESPONSE)).get().extracting(ClockStint::state)
        .isEqualTo(ClockState.RUNNING);
    assertThat(due(instance, "BoundaryEvent_FirstResponseBreached")).isEqualTo(breach);
    fire(instance, "BoundaryEvent_FirstResponseBreached");
    assertThat(levelsSent("first-response")).contains("100");
    assertThat(clocks.latest(1, ClockName.FIRST_RESPONSE)).get().extracting(ClockStint::state)
        .isEqualTo(ClockState.BREACHED);
  }

  @Test
  void theFirstReplyMeetsTheClockWhenItIsSent_notWhenItIsWritten() {
    at("2027-03-01T09:00:00Z");
    ProcessInstance instance = openTicket();
    Instant breach = due(instance, "BoundaryEvent_FirstResponseBreached");
    complete(task(instance), withVariables("outcome", "handoff-engineering",
        "customerReply", "Our engineers are looking into it."));

    // The mail server is down until after the breach instant: the customer heard nothing in time.
    ClockUtil.setCurrentTime(Date.from(breach.plusSeconds(60)));
    ProcessTestEngine.sendReplies();

    assertThat(clocks.latest(1, ClockName.FIRST_RESPONSE)).get().extracting(ClockStint::state)
        .isEqualTo(ClockState.BREACHED);
  }


  @Test
  void theCustomerSaysItIsNotFixed_aNewResolutionStintCarriesTheTimeSpent_andTheEarlierOneStaysMet() {
    at("2027-03-01T09:00:00Z"); // Monday 10:00 CET
    ProcessInstance instance = openTicket();
    at("2027-03-01T10:00:00Z");
    complete(task(instance), withVariables("outcome", "resolved", "customerReply", "Clear your cache, please."));
    ProcessTestEngine.sendReplies();
    ClockStint resolved = clocks.latest(1, ClockName.RESOLUTION).orElseThrow();
    assertThat(resolved.state()).isEqualTo(ClockState.MET);
    Instant metBreach = clocks.dueAt(resolved, 100);
    assertThat(instance).isWaitingAt(TicketProcess.TASK_CONFIRM_RESOLUTION);

    at("2027-03-02T10:00:00Z"); // Tuesday 11:00 CET: 8 h of support hours since the resolution
    complete(task(instance), withVariables("outcome", "reopen", "internalNote", "Still fails after the cache"));

    assertThat(instance).isWaitingAt(TicketProcess.TASK_TRIAGE);
    List<ClockStint> resolution = clocks.stints(1).stream()
        .filter(stint -> stint.clock().equals(ClockName.RESOLUTION)).toList();
    assertThat(resolution).hasSize(2);
    assertThat(resolution.get(0).state()).as("states only move forward").isEqualTo(ClockState.MET);
    ClockStint reopened = resolution.get(1);
    assertThat(reopened.state()).isEqualTo(ClockState.RUNNING);
    assertThat(reopened.reachedBy()).isEqualTo("Flow_ConfirmationReopen");
    var support = ShippedCalendars.get().get("support");
    assertThat(support.elapsed(metBreach, clocks.dueAt(reopened, 100)))
        .as("the time between resolution and reopening counts as paused").isEqualTo(Duration.ofHours(8));
    assertThat(clocks.remaining(reopened)).as("1 h spent of 80 h").isEqualTo(Duration.ofHours(79));
    assertThat(due(instance, "BoundaryEvent_ResolutionBreached")).isEqualTo(clocks.dueAt(reopened, 100));
    assertThat(due(instance, "BoundaryEvent_FirstResponseBreached")).as("met long ago").isEqualTo(LadderTimers.HELD);
    assertThat(clocks.open(1, ClockName.ola("support"))).as("support has a new stint").get()
        .extracting(ClockStint::startedAt).isEqualTo(Instant.parse("2027-03-02T10:00:00Z"));
  }

  @Test
  void theFormShowsEachDueInstantInTheTeamsZoneAndTheCustomers() {
    at("2027-03-01T09:00:00Z"); // Monday 10:00 CET, 04:00 in New York
    ProcessInstance instance = ProcessTestEngine.startAtTriage(ProcessTestEngine.ticket("P3", "standard", "question",
        "initech").putValue(TicketVariables.CUSTOMER_TIME_ZONE, "America/New_York"));

    assertThat((String) BpmnAwareTests.taskService().getVariableLocal(task(instance).getId(),
        TaskClockListener.CLOCK_SUMMARY))
        .contains("Support OLA (target 4 h): 4 h left, due Mon 1 Mar 2027, 15:00 CET (calendar support)"
            + " · 09:00 EST for the customer (America/New_York); business time");
  }
}
