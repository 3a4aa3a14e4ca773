package org.slaescalation.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.slaescalation.ticket.TicketProcess.TASK_CONFIRM_RESOLUTION;
import static org.slaescalation.ticket.TicketProcess.TASK_FIX_INFRASTRUCTURE;
import static org.slaescalation.ticket.TicketProcess.TASK_FOLLOW_UP;
import static org.slaescalation.ticket.TicketProcess.TASK_INVESTIGATE;
import static org.slaescalation.ticket.TicketProcess.TASK_TRIAGE;

import java.util.List;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slaescalation.conversation.ConversationRepository;
import org.slaescalation.conversation.Direction;
import org.slaescalation.conversation.Message;
import org.slaescalation.support.ProcessTestEngine;

/**
 * The ticket route of processes/ticket-escalation.bpmn: every user task and every outcome. The happy
 * path is one test; each detour starts where it begins.
 */
@Deployment(resources = {
    "processes/ticket-escalation.bpmn", "processes/escalation-mail.bpmn", "processes/reply-mail.bpmn",
    "processes/sla-policy.dmn", "processes/ola-budget.dmn",
    "processes/triage-ticket.form", "processes/follow-up-ticket.form", "processes/investigate-ticket.form",
    "processes/fix-infrastructure.form", "processes/confirm-resolution.form",
    "processes/await-customer.form"})
class TicketProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  /** Monday 1 March 2027, 10:00 in Amsterdam (CET): support is open. */
  static final Instant MONDAY_MORNING = Instant.parse("2027-03-01T09:00:00Z");

  @BeforeEach
  void setUp() {
    ProcessTestEngine.beforeTicketTest();
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
  }

  @AfterEach
  void tearDown() {
    ProcessTestEngine.afterTicketTest();
  }

  static VariableMap ticket(String priority, String tier, String category) {
    return ProcessTestEngine.ticket(priority, tier, category, "acme");
  }

  /** The conversation of ticket T-1, oldest first. */
  static List<Message> conversation() {
    return new ConversationRepository(ProcessTestEngine.jdbc()).messages(1);
  }

  /** A completion with {@code outcome}, a reply to the customer and an internal note. */
  static Map<String, Object> outcome(Outcome outcome) {
    return withVariables(TicketVariables.OUTCOME, outcome.code(), TicketVariables.CUSTOMER_REPLY,
        "reply: " + outcome.code(), TicketVariables.INTERNAL_NOTE, "note: " + outcome.code());
  }

  static String formRef(Task task) {
    return BpmnAwareTests.formService().getTaskFormData(task.getId()).getCamundaFormRef().getKey();
  }

  /** Moves the engine clock on, so that history records the order of steps. */
  static void later() {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
  }

  /** Starts a ticket through intake (SLA policy, acknowledgement) up to triage. */
  static ProcessInstance startAtTriage(String priority, String tier, String category) {
    ProcessInstance instance = runtimeService()
        .startProcessInstanceByKey(TicketProcess.PROCESS_KEY, "T-1", ticket(priority, tier, category));
    assertThat(instance).isWaitingAt("Task_AcknowledgeTicket");
    execute(job());
    execute(job());
    assertThat(instance).isWaitingAt(TASK_TRIAGE);
    return instance;
  }

  /** A P2 business bug, moved from triage to {@code activityId} (a detour starts where it begins). */
  static ProcessInstance startBefore(String activityId) {
    ProcessInstance instance = startAtTriage("P2", "business", "bug");
    runtimeService().createProcessInstanceModification(instance.getId())
        .startBeforeActivity(activityId)
        .cancelAllForActivity(TASK_TRIAGE)
        .execute();
    assertThat(instance).isWaitingAt(activityId);
    return instance;
  }

  @Test
  void happyPath_supportResolvesAtTriage_andClosesAfterConfirmation() {
    ProcessInstance instance = startAtTriage("P1", "enterprise", "incident");

    assertThat(instance).hasPassed("Task_DetermineSlaPolicy", "Task_StartSlaClocks", "Task_AcknowledgeTicket")
        .variables()
        .containsEntry(TicketVariables.FIRST_RESPONSE_TARGET, "PT30M")
        .containsEntry(TicketVariables.RESOLUTION_TARGET, "PT4H")
        .containsEntry(TicketVariables.SLA_CALENDAR, "24x7")
        .containsEntry(TicketVariables.INTERNAL_TARGET_PERCENT, 75);
    assertThat(ProcessTestEngine.MAILS.sent()).singleElement()
        .satisfies(mail -> assertThat(mail.to()).containsExactly("ops@acme.example"));
    assertThat(task()).hasCandidateGroup("support");
    assertThat(formRef(task())).isEqualTo("triage-ticket");

    complete(task(), outcome(Outcome.RESOLVED));

    assertThat(instance).isWaitingAt(TASK_CONFIRM_RESOLUTION);
    assertThat(task()).hasCandidateGroup("support");
    complete(task(), withVariables(TicketVariables.OUTCOME, "resolved"));
    assertThat(instance).hasPassed(TASK_TRIAGE, "EndEvent_TicketResolved", "Event_TicketClosed")
        .isWaitingAt("Gateway_ReopenWindow");
    // The reopen window (10 days) passes without a reply: the instance ends.
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(10))));
    execute(job(instance));
    assertThat(instance).isEnded().hasPassed("Event_ReopenWindowOver", "EndEvent_TicketClosed");
  }

  @Test
  void taskDueDateIsTheOlaDeadlineInTheTeamCalendar_andPriorityOrdersByUrgency() {
    // Saturday 6 March 2027, 11:00 CET: the support office is closed.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-06T10:00:00Z")));
    startAtTriage("P1", "enterprise", "incident");

    Task triage = task();
    // Support's P1 OLA is 30 minutes on the on-call calendar 24x7: Saturday 11:00 CET + 30 min, not Monday 09:00
    // CET as on office hours (a round-the-clock SLA of 4 h cannot wait for Monday).
    assertThat(triage.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-03-06T10:30:00Z")));
    assertThat(triage.getPriority()).isEqualTo(96);
  }

  @Test
  void taskDueDateCountsOfficeHoursOnly() {
    // Friday 5 March 2027, 15:30 CET: support closes at 16:00 on Fridays.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-05T14:30:00Z")));
    ProcessInstance instance = startAtTriage("P3", "standard", "question");

    // Support's P3 OLA is 4 hours: 30 minutes on Friday, 3.5 hours from Monday 08:30 → 12:00 CET.
    assertThat(task(instance).getDueDate()).isEqualTo(Date.from(Instant.parse("2027-03-08T11:00:00Z")));
    assertThat(task(instance).getPriority()).isEqualTo(52);
  }

  @Test
  void triage_waitingOnCustomer_waitsForTheReply_thenSupportFollowsUp() {
    ProcessInstance instance = startAtTriage("P3", "standard", "question");

    complete(task(), outcome(Outcome.WAITING_ON_CUSTOMER));
    assertThat(instance).isWaitingAt(TicketProcess.TASK_AWAIT_CUSTOMER);

    runtimeService().createMessageCorrelation(TicketProcess.MESSAGE_CUSTOMER_REPLY)
        .processInstanceBusinessKey("T-1")
        .setVariable(TicketVariables.LAST_CUSTOMER_REPLY, "Here is the log file")
        .correlate();

    assertThat(instance).isWaitingAt(TASK_FOLLOW_UP);
    assertThat(task()).hasCandidateGroup("support");
    assertThat(formRef(task())).isEqualTo("follow-up-ticket");
    // The previous choice is cleared, so the form does not preselect it.
    assertThat(instance).variables().doesNotContainKey(TicketVariables.OUTCOME)
        .containsEntry(TicketVariables.LAST_CUSTOMER_REPLY, "Here is the log file");
  }

  @Test
  void triage_handoffEngineering_goesToEngineering() {
    ProcessInstance instance = startAtTriage("P2", "business", "bug");

    complete(task(), outcome(Outcome.HANDOFF_ENGINEERING));

    assertThat(instance).isWaitingAt(TASK_INVESTIGATE);
    assertThat(task()).hasCandidateGroup("engineering");
    assertThat(formRef(task())).isEqualTo("investigate-ticket");
    assertThat(conversation()).extracting(Message::direction, Message::team, Message::text).containsExactly(
        tuple(Direction.INTERNAL, "support", "note: handoff-engineering"),
        tuple(Direction.OUTBOUND, "support", "reply: handoff-engineering"));
    assertThat(instance).variables().doesNotContainKeys(TicketVariables.CUSTOMER_REPLY, TicketVariables.INTERNAL_NOTE);
  }

  @Test
  void followUp_resolved_goesToConfirmation() {
    ProcessInstance instance = startBefore(TASK_FOLLOW_UP);

    complete(task(), outcome(Outcome.RESOLVED));

    assertThat(instance).hasPassed("EndEvent_TicketResolved").isWaitingAt(TASK_CONFIRM_RESOLUTION);
  }

  @Test
  void followUp_waitingOnCustomer_waitsAgain() {
    ProcessInstance instance = startBefore(TASK_FOLLOW_UP);

    complete(task(), outcome(Outcome.WAITING_ON_CUSTOMER));

    assertThat(instance).isWaitingAt(TicketProcess.TASK_AWAIT_CUSTOMER);
  }

  @Test
  void followUp_handoffEngineering_goesToEngineering() {
    ProcessInstance instance = startBefore(TASK_FOLLOW_UP);

    complete(task(), outcome(Outcome.HANDOFF_ENGINEERING));

    assertThat(instance).isWaitingAt(TASK_INVESTIGATE);
  }

  @Test
  void investigation_handoffSysadmin_goesToSysadmin() {
    ProcessInstance instance = startBefore(TASK_INVESTIGATE);

    complete(task(), outcome(Outcome.HANDOFF_SYSADMIN));

    assertThat(instance).isWaitingAt(TASK_FIX_INFRASTRUCTURE);
    assertThat(task()).hasCandidateGroup("sysadmin");
    assertThat(formRef(task())).isEqualTo("fix-infrastructure");
  }

  @Test
  void investigation_backToSupport_goesToFollowUp() {
    ProcessInstance instance = startBefore(TASK_INVESTIGATE);

    complete(task(), outcome(Outcome.BACK_TO_SUPPORT));

    assertThat(instance).isWaitingAt(TASK_FOLLOW_UP);
    assertThat(conversation()).extracting(Message::direction, Message::team, Message::text).containsExactly(
        tuple(Direction.INTERNAL, "engineering", "note: back-to-support"),
        tuple(Direction.OUTBOUND, "engineering", "reply: back-to-support"));
  }

  @Test
  void investigation_resolved_goesToConfirmation() {
    ProcessInstance instance = startBefore(TASK_INVESTIGATE);

    complete(task(), outcome(Outcome.RESOLVED));

    assertThat(instance).isWaitingAt(TASK_CONFIRM_RESOLUTION);
  }

  @Test
  void infrastructure_resolved_goesToConfirmation() {
    ProcessInstance instance = startBefore(TASK_FIX_INFRASTRUCTURE);

    complete(task(), outcome(Outcome.RESOLVED));

    assertThat(instance).isWaitingAt(TASK_CONFIRM_RESOLUTION);
  }

  @Test
  void infrastructure_backToEngineering_goesToInvestigation() {
    ProcessInstance instance = startBefore(TASK_FIX_INFRASTRUCTURE);

    complete(task(), outcome(Outcome.BACK_TO_ENGINEERING));

    assertThat(instance).isWaitingAt(TASK_INVESTIGATE);
  }

  @Test
  void longestRoute_passesEveryTeamAndBack() {
    ProcessInstance instance = startAtTriage("P2", "business", "incident");

    later();
    complete(task(), outcome(Outcome.HANDOFF_ENGINEERING));
    later();
    complete(task(), outcome(Outcome.HANDOFF_SYSADMIN));
    later();
    complete(task(), outcome(Outcome.BACK_TO_ENGINEERING));
    later();
    complete(task(), outcome(Outcome.BACK_TO_SUPPORT));
    later();
    complete(task(), outcome(Outcome.RESOLVED));
    later();
    complete(task(), withVariables(TicketVariables.OUTCOME, "resolved"));

    assertThat(instance).isWaitingAt("Gateway_ReopenWindow");
    assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().list())
        .extracting(t -> t.getTaskDefinitionKey())
        .containsExactly(TASK_TRIAGE, TASK_INVESTIGATE, TASK_FIX_INFRASTRUCTURE, TASK_INVESTIGATE, TASK_FOLLOW_UP,
            TASK_CONFIRM_RESOLUTION);
  }

  @Test
  void everyTaskIsNamedAfterItsTicket_andCarriesWhatItsTasklistRowShows() {
    ProcessInstance instance = startAtTriage("P2", "business", "incident");
    assertThat(task()).hasName("Triage T-1");
    assertThat(taskService().getVariablesLocal(task().getId()))
        .containsEntry(TicketVariables.TICKET_ID, "T-1").containsEntry(TicketVariables.SUBJECT, "Checkout fails")
        .containsEntry(TicketVariables.CUSTOMER_NAME, "ACME").containsEntry(TicketVariables.TIER, "business")
        .containsEntry(TicketVariables.PRIORITY, "P2");

    later();
    complete(task(), outcome(Outcome.HANDOFF_ENGINEERING));
    assertThat(task()).hasName("Investigate T-1");
    // An operator who moves the ticket without listeners (Cockpit's "skip listeners") gets its task named too.
    later();
    runtimeService().createProcessInstanceModification(instance.getId())
        .startBeforeActivity(TASK_FOLLOW_UP)
        .cancelAllForActivity(TASK_INVESTIGATE)
        .execute(true, false);
    assertThat(task()).hasName("Follow up T-1");
    later();
    complete(task(), outcome(Outcome.HANDOFF_ENGINEERING));
    later();
    complete(task(), outcome(Outcome.HANDOFF_SYSADMIN));
    later();
    complete(task(), outcome(Outcome.RESOLVED));

    assertThat(task()).hasName("Confirm resolution T-1");
    assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().list())
        .extracting(t -> t.getName())
        .containsExactly("Triage T-1", "Investigate T-1", "Follow up T-1", "Investigate T-1",
            "Fix infrastructure T-1", "Confirm resolution T-1");
  }

  @Test
  void anOutcomeTheTaskDoesNotOffer_isRefused_andTheTaskStays() {
    ProcessInstance instance = startAtTriage("P3", "standard", "question");
    Task triage = task();

    assertThatThrownBy(() -> taskService().complete(triage.getId(),
        Map.of(TicketVariables.OUTCOME, Outcome.HANDOFF_SYSADMIN.code())))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("must be one of [resolved, waiting-on-customer, handoff-engineering]");
    assertThatThrownBy(() -> taskService().complete(triage.getId()))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("was: null");

    assertThat(instance).isWaitingAt(TASK_TRIAGE);
  }
}
