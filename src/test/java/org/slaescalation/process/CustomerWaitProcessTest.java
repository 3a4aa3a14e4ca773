package org.slaescalation.process;

import static org.slaescalation.support.ProcessTestEngine.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockState;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.conversation.Direction;
import org.slaescalation.conversation.Message;
import org.slaescalation.notification.OutgoingMail;
import org.slaescalation.support.ProcessTestEngine;
import org.slaescalation.support.ShippedCalendars;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketVariables;

/**
 * A ticket waiting on the customer (processes/ticket-escalation.bpmn, "Wait on customer") and a closed ticket's
 * reopen window, driving the engine clock on the shipped support calendar (Amsterdam office hours, Monday to Friday)
 * with the shipped defaults: one reminder after 2 business days, the close after 5, a reply within 10 days reopens.
 * The customer is in New York, so every time the customer reads is in their zone.
 */
@Deployment(resources = {
    "processes/ticket-escalation.bpmn", "processes/escalation-mail.bpmn", "processes/reply-mail.bpmn",
    "processes/sla-policy.dmn", "processes/ola-budget.dmn",
    "processes/triage-ticket.form", "processes/follow-up-ticket.form", "processes/investigate-ticket.form",
    "processes/fix-infrastructure.form", "processes/confirm-resolution.form", "processes/await-customer.form"})
class CustomerWaitProcessTest {

  private static final String REMINDER = WaitingTimers.REMINDER_TIMER;
  private static final String CLOSE = WaitingTimers.CLOSE_TIMER;

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

  /** A standard-tier P3 question of a customer in New York (resolution 80 h on the support calendar). */
  private static ProcessInstance openTicket() {
    return ProcessTestEngine.startAtTriage(ProcessTestEngine.ticket("P3", "standard", "question", "initech")
        .putValue(TicketVariables.CUSTOMER_TIME_ZONE, "America/New_York"));
  }

  /** Support asks the customer a question; it is mailed. */
  private static void ask(ProcessInstance instance) {
    complete(task(instance), withVariables("outcome", "waiting-on-customer", "customerReply", "Which browser?"));
    ProcessTestEngine.sendReplies();
    ProcessTestEngine.MAILS.clear();
  }

  private static Job timer(ProcessInstance instance, String activityId) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult();
  }

  /** Moves the engine clock to the timer's due date and fires it, then mails what it recorded. */
  private static void fire(ProcessInstance instance, String activityId) {
    Job job = timer(instance, activityId);
    ClockUtil.setCurrentTime(job.getDuedate());
    managementService().executeJob(job.getId());
    ProcessTestEngine.sendReplies();
  }

  private static List<String> mailedTexts() {
    return ProcessTestEngine.MAILS.sent().stream().map(OutgoingMail::textBody).toList();
  }

  private static Instant closedAt() {
    return ProcessTestEngine.jdbc().sql("select closed_at from ticket where number = 1")
        .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
  }

  @Test
  void aTicketWithoutAnAnswerGetsOneReminderAfterTwoBusinessDays_andClosesAfterFive_sayingHowToReopen() {
    at("2027-03-04T09:00:00Z"); // Thursday 10:00 CET, 04:00 in New York
    ProcessInstance instance = openTicket();
    ask(instance);

    assertThat(instance).isWaitingAt(TicketProcess.TASK_AWAIT_CUSTOMER);
    assertThat(task(instance)).hasCandidateGroup("support");
    assertThat((String) taskService().getVariableLocal(task(instance).getId(), TicketVariables.CONVERSATION_THREAD))
        .as("the form shows the question as mailed once it went").contains("Which browser?")
        .doesNotContain("not mailed yet");
    // Business days of the support calendar: Friday 5 and Monday 8 March; then Tuesday, Wednesday, Thursday 11.
    assertThat(timer(instance, REMINDER).getDuedate()).isEqualTo("2027-03-08T09:00:00Z");
    assertThat(timer(instance, CLOSE).getDuedate()).isEqualTo("2027-03-11T09:00:00Z");
    assertThat(task(instance).getDueDate()).as("the filter sorts by when it closes")
        .isEqualTo("2027-03-11T09:00:00Z");
    assertThat((String) taskService().getVariableLocal(task(instance).getId(), WaitingTimers.WAITING_SUMMARY))
        .contains("Waiting since: Thu 4 Mar 2027, 10:00 Europe/Amsterdam (your team) · 04:00 "
            + "America/New_York (customer)")
        .contains("Closes without an answer: Thu 11 Mar 2027, 10:00 Europe/Amsterdam");
    assertThat(clocks.latest(1, ClockName.RESOLUTION)).get().extracting(ClockStint::state)
        .isEqualTo(ClockState.PAUSED);

    fire(instance, REMINDER);

    assertThat(mailedTexts()).singleElement().satisfies(text -> assertThat(text)
        .contains("We are still waiting for your answer to our question of Thursday 4 March 2027, 04:00"
            + " (America/New_York)")
        .contains("If we do not hear from you by Thursday 11 March 2027, 04:00 (America/New_York), we will close")
        .contains("You can still reopen it then by replying within 10 days"));
    assertThat(ProcessTestEngine.MAILS.sent().get(0).subject()).isEqualTo("[T-1] Checkout fails");
    assertThat(instance).isWaitingAt(TicketProcess.TASK_AWAIT_CUSTOMER);
    assertThat(timer(instance, REMINDER)).as("one reminder").isNull();
    ProcessTestEngine.MAILS.clear();

    fire(instance, CLOSE);

    assertThat(instance).hasPassed("EndEvent_ClosedNoAnswer", "Task_NotifyClosedUnanswered", "Event_TicketClosed")
        .isWaitingAt("Gateway_ReopenWindow");
    assertThat(mailedTexts()).satisfiesExactlyInAnyOrder(text -> assertThat(text)
        .contains("We have closed ticket T-1, as we have not heard from you since our question of Thursday 4 March"
            + " 2027, 04:00 (America/New_York)")
        .contains("reply to this mail by Sunday 21 March 2027, 05:00 (America/New_York) and we will reopen"),
        survey -> assertThat(survey).contains("Ticket T-1 is closed. How satisfied are you", "/csat/",
            "The link works until Thursday 25 March 2027, 05:00 (America/New_York)"));
    assertThat(closedAt()).isEqualTo("2027-03-11T09:00:00Z");
    ClockStint resolution = clocks.latest(1, ClockName.RESOLUTION).orElseThrow();
    assertThat(resolution.state()).as("the wait is paused time: 80 h were not used up").isEqualTo(ClockState.MET);
    assertThat(resolution.stoppedAt()).isEqualTo("2027-03-11T09:00:00Z");
    assertThat(clocks.pauses(1)).singleElement().satisfies(pause -> {
      assertThat(pause.from()).isEqualTo("2027-03-04T09:00:00Z");
      assertThat(pause.to()).isEqualTo("2027-03-11T09:00:00Z");
    });
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void anAgentWhoRemindsTheCustomer_sendsTheStandardReminderOrTheirOwn_andNoAutomaticOneFollows() {
    at("2027-03-04T09:00:00Z");
    ProcessInstance instance = openTicket();
    ask(instance);

    at("2027-03-05T09:00:00Z");
    complete(task(instance), withVariables("outcome", "remind"));
    ProcessTestEngine.sendReplies();

    assertThat(mailedTexts()).singleElement().satisfies(text -> assertThat(text).contains("We are still waiting"));
    assertThat(instance).isWaitingAt(TicketProcess.TASK_AWAIT_CUSTOMER);
    assertThat(timer(instance, CLOSE).getDuedate()).as("still counted from the start of the wait")
        .isEqualTo("2027-03-11T09:00:00Z");
    ProcessTestEngine.MAILS.clear();

    complete(task(instance), withVariables("outcome", "remind", "customerReply", "Any news on the browser?"));
    ProcessTestEngine.sendReplies();
    assertThat(mailedTexts()).as("the agent's own reminder instead of the standard one").singleElement()
        .satisfies(text -> assertThat(text).contains("Any news on the browser?").doesNotContain("still waiting"));
    ProcessTestEngine.MAILS.clear();

    fire(instance, REMINDER);

    assertThat(instance).hasPassed("EndEvent_NoReminderNeeded").isWaitingAt(TicketProcess.TASK_AWAIT_CUSTOMER);
    assertThat(ProcessTestEngine.MAILS.sent()).as("reminded already").isEmpty();
  }

  @Test
  void theCustomerAnsweredOnThePhone_theAgentNotesIt_andSupportFollowsUpWithTheClockRunningAgain() {
    at("2027-03-04T09:00:00Z");
    ProcessInstance instance = openTicket();
    ask(instance);
    String waiting = task(instance).getId();

    at("2027-03-04T13:00:00Z");
    assertThatThrownBy(() -> taskService().complete(waiting, withVariables("outcome", "customer-answered")))
        .hasMessageContaining("Variable 'customerAnswer'");
    complete(task(instance), withVariables("outcome", "customer-answered", "customerAnswer", "Firefox 128, on Linux"));

    assertThat(instance).hasPassed("EndEvent_CustomerAnswered").isWaitingAt(TicketProcess.TASK_FOLLOW_UP);
    List<Message> messages = ProcessTestEngine.conversation().messages(1);
    assertThat(messages.get(messages.size() - 1)).extracting(Message::direction, Message::team, Message::text)
        .containsExactly(Direction.INBOUND, "support", "Firefox 128, on Linux");
    assertThat(ProcessTestEngine.conversation().thread(1, java.time.ZoneId.of("Europe/Amsterdam"), null))
        .contains("Customer, another way, as noted by").contains("Firefox 128, on Linux");
    assertThat(clocks.latest(1, ClockName.RESOLUTION)).get().extracting(ClockStint::state)
        .isEqualTo(ClockState.RUNNING);
    assertThat(timer(instance, REMINDER)).isNull();
    assertThat(timer(instance, CLOSE)).isNull();
    assertThat(ProcessTestEngine.MAILS.sent()).as("nothing mailed: the note stays inside").isEmpty();
  }

  @Test
  void theAgentClosesAWaitingTicket_theCustomerIsToldHowToReopen() {
    at("2027-03-04T09:00:00Z");
    ProcessInstance instance = openTicket();
    ask(instance);

    at("2027-03-05T09:00:00Z");
    complete(task(instance), withVariables("outcome", "close", "internalNote", "Customer moved to the new product"));
    ProcessTestEngine.sendReplies();

    assertThat(instance).hasPassed("EndEvent_CloseRequested").isWaitingAt("Gateway_ReopenWindow");
    assertThat(mailedTexts()).as("the notice, and the survey every close sends").satisfiesExactlyInAnyOrder(
        text -> assertThat(text).contains("We have closed ticket T-1")
            .contains("by Monday 15 March 2027, 05:00 (America/New_York)"),
        survey -> assertThat(survey).contains("http://localhost:8080/csat/")
            .contains("The link works until Friday 19 March 2027, 05:00 (America/New_York)"));
    assertThat(closedAt()).isEqualTo("2027-03-05T09:00:00Z");
  }

  @Test
  void aReplyWithinTheReopenWindowReopensTheTicket_aNewStintCarriesTheTimeSpent_andLaterTheWindowCloses() {
    at("2027-03-01T09:00:00Z"); // Monday 10:00 CET
    ProcessInstance instance = openTicket();
    at("2027-03-01T10:00:00Z");
    complete(task(instance), withVariables("outcome", "resolved", "customerReply", "Clear your cache, please."));
    ProcessTestEngine.sendReplies();
    ClockStint resolved = clocks.latest(1, ClockName.RESOLUTION).orElseThrow();
    Instant metBreach = clocks.dueAt(resolved, 100);
    complete(task(instance), withVariables("outcome", "resolved"));
    assertThat(instance).isWaitingAt("Gateway_ReopenWindow");
    assertThat(closedAt()).isEqualTo("2027-03-01T10:00:00Z");
    assertThat(timer(instance, "Event_ReopenWindowOver").getDuedate()).isEqualTo("2027-03-11T10:00:00Z");

    at("2027-03-02T10:00:00Z"); // Tuesday 11:00 CET: 8 h of support hours after the resolution
    runtimeService().createMessageCorrelation(TicketProcess.MESSAGE_REPLY_AFTER_CLOSING)
        .processInstanceBusinessKey("T-1").correlate();

    assertThat(instance).hasPassed(TicketProcess.EVENT_REPLY_AFTER_CLOSING).isWaitingAt(TicketProcess.TASK_TRIAGE);
    assertThat(closedAt()).as("open again").isNull();
    List<ClockStint> resolution = clocks.stints(1).stream()
        .filter(stint -> stint.clock().equals(ClockName.RESOLUTION)).toList();
    assertThat(resolution).extracting(ClockStint::state).containsExactly(ClockState.MET, ClockState.RUNNING);
    assertThat(resolution.get(1).reachedBy()).isEqualTo("Flow_RepliedAfterClosingToReopen");
    assertThat(ShippedCalendars.get().get("support").elapsed(metBreach, clocks.dueAt(resolution.get(1), 100)))
        .as("the time between the close and the reply counts as paused").isEqualTo(Duration.ofHours(8));

    complete(task(instance), withVariables("outcome", "resolved", "customerReply", "Fixed in release 2.1."));
    complete(task(instance), withVariables("outcome", "resolved"));
    fire(instance, "Event_ReopenWindowOver");
    assertThat(instance).isEnded().hasPassed("EndEvent_TicketClosed");
    assertThat(closedAt()).as("when it closed, not when the window ended").isEqualTo("2027-03-02T10:00:00Z");
  }
}
