package org.slaescalation.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockState;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.support.ProcessTestEngine;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketVariables;

/**
 * Replies to the customer with a real SMTP server (GreenMail) and the conversation table in the engine transaction:
 * a reply is mailed in a job of its own, threaded under the acknowledgement; an internal note is never mailed; the
 * first reply sent (not a hand-off) meets the first-response clock; an SMTP outage delays a reply and loses none.
 * A standard P3 question of customer acme (Europe/Amsterdam), opened Monday 1 March 2027, 10:00 CET.
 */
@Deployment(resources = {
    "processes/ticket-escalation.bpmn", "processes/escalation-mail.bpmn", "processes/reply-mail.bpmn",
    "processes/sla-policy.dmn", "processes/ola-budget.dmn", "processes/triage-ticket.form",
    "processes/follow-up-ticket.form", "processes/investigate-ticket.form", "processes/fix-infrastructure.form",
    "processes/confirm-resolution.form",
    "processes/await-customer.form"})
class ReplyMailTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private GreenMail smtp;
  private int port;
  private ClockStints clocks;

  @BeforeEach
  void setUp() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    port = smtp.getSmtp().getPort();
    BpmnAwareTests.init(engine.getProcessEngine());
    ProcessTestEngine.resetTables(1);
    clocks = ProcessTestEngine.registerBeans(ProcessTestEngine.smtp(port));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T09:00:00Z")));
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void aReplyReachesTheCustomerThreadedUnderTheAcknowledgement_andTheirAnswerAppearsInTheNextForm() throws Exception {
    ProcessInstance ticket = open();
    MimeMessage acknowledgement = only(received());
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T09:20:00Z")));

    taskService().complete(task(ticket).getId(), Map.of("outcome", "waiting-on-customer",
        "customerReply", "Which browser do you use?", "internalNote", "Looks like the payment widget"));
    assertThat(received()).as("mailed by its own job, not by the completion").hasSize(1);
    ProcessTestEngine.sendReplies();

    MimeMessage reply = received().get(1);
    assertThat(reply.getAllRecipients()).extracting(Object::toString).containsExactly("ops@acme.example");
    assertThat(reply.getSubject()).isEqualTo("[T-1] Checkout fails");
    assertThat(reply.getMessageID()).isEqualTo("<reply.T-1.%d@test.invalid>"
        .formatted(conversation().get(1).id()));
    assertThat(reply.getHeader("X-Ticket-Id", null)).isEqualTo("T-1");
    assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(acknowledgement.getMessageID());
    assertThat(reply.getHeader("References", null)).isEqualTo(acknowledgement.getMessageID());
    assertThat(headerNames(reply)).noneMatch(name -> name.startsWith("X-Escalation"));
    String body = GreenMailUtil.getBody(reply);
    assertThat(body).contains("Which browser do you use?", "Monday 1 March 2027, 10:20 (Europe/Amsterdam)",
            "keep [T-1] in the subject")
        .doesNotContain("payment widget");
    assertThat(received()).as("the internal note is never mailed").hasSize(2);
    assertThat(clocks.latest(1, ClockName.FIRST_RESPONSE)).get().extracting(ClockStint::state)
        .isEqualTo(ClockState.MET);

    // The customer answers by mail, quoting the reply.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
    conversationService().recordInbound(1, "ops@acme.example", "Firefox 130.", ClockUtil.now().toInstant(),
        "<answer-1@acme.example>");
    runtimeService().createMessageCorrelation(TicketProcess.MESSAGE_CUSTOMER_REPLY).processInstanceBusinessKey("T-1")
        .correlate();

    assertThat(ticket).isWaitingAt(TicketProcess.TASK_FOLLOW_UP);
    String thread = (String) taskService().getVariableLocal(task(ticket).getId(),
        TicketVariables.CONVERSATION_THREAD);
    assertThat(thread).startsWith("— Mon 1 Mar 2027, 11:00 Europe/Amsterdam (your team)\n"
        + "Customer <ops@acme.example>, by mail:\nFirefox 130.");
    assertThat(thread.indexOf("Firefox 130.")).as("newest first").isLessThan(thread.indexOf("Which browser"));
    assertThat(thread).contains("Internal note by", "Looks like the payment widget");
    assertThat(taskService().getVariables(task(ticket).getId())).as("nothing pre-filled")
        .doesNotContainKeys(TicketVariables.CUSTOMER_REPLY, TicketVariables.INTERNAL_NOTE);

    taskService().complete(task(ticket).getId(), Map.of("outcome", "resolved",
        "customerReply", "Fixed for Firefox in release 4.2."));
    ProcessTestEngine.sendReplies();

    MimeMessage second = received().get(2);
    assertThat(second.getHeader("In-Reply-To", null)).isEqualTo("<answer-1@acme.example>");
    assertThat(second.getHeader("References", null)).isEqualTo(acknowledgement.getMessageID() + " "
        + reply.getMessageID() + " <answer-1@acme.example>");
    assertThat(conversation()).extracting(Message::direction, Message::text).containsExactly(
        tuple(Direction.INTERNAL, "Looks like the payment widget"),
        tuple(Direction.OUTBOUND, "Which browser do you use?"),
        tuple(Direction.INBOUND, "Firefox 130."),
        tuple(Direction.OUTBOUND, "Fixed for Firefox in release 4.2."));
  }

  @Test
  void anSmtpOutageDelaysAReply_andLosesNone() throws Exception {
    ProcessInstance ticket = open();
    smtp.stop();

    taskService().complete(task(ticket).getId(), Map.of("outcome", "handoff-engineering",
        "customerReply", "Our engineers are on it."));
    Job send = replyJob();
    assertThatThrownBy(() -> execute(send)).hasMessageContaining("Mail server connection failed");
    assertThat(clocks.latest(1, ClockName.FIRST_RESPONSE)).get().extracting(ClockStint::state)
        .as("the customer has heard nothing yet").isEqualTo(ClockState.RUNNING);
    Job retry = replyJob();
    assertThat(retry.getRetries()).isEqualTo(ProcessTestEngine.MAIL_RETRY.intervals().size());

    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    smtp.start();
    ClockUtil.setCurrentTime(retry.getDuedate());
    execute(retry);

    assertThat(received()).extracting(MimeMessage::getSubject).containsExactly("[T-1] Checkout fails");
    assertThat(replyJob()).isNull();
    assertThat(clocks.latest(1, ClockName.FIRST_RESPONSE)).get().extracting(ClockStint::state)
        .isEqualTo(ClockState.MET);
  }

  @Test
  void askingTheCustomerWithoutAReply_isRefused() {
    ProcessInstance ticket = open();

    assertThatThrownBy(() -> taskService().complete(task(ticket).getId(), Map.of("outcome", "waiting-on-customer",
        "internalNote", "Need the browser")))
        .hasMessageContaining("Variable 'customerReply' of task 'Triage T-1' must hold the reply to the customer");
    assertThatThrownBy(() -> taskService().complete(task(ticket).getId(), Map.of("outcome", "resolved",
        "customerReply", "   ")))
        .hasMessageContaining("customerReply");

    assertThat(ticket).isWaitingAt(TicketProcess.TASK_TRIAGE);
    assertThat(conversation()).isEmpty();
  }

  private static ProcessInstance open() {
    return ProcessTestEngine.startAtTriage(ProcessTestEngine.ticket("P3", "standard", "question", "acme"));
  }

  private static Job replyJob() {
    return managementService().createJobQuery().processDefinitionKey(TicketProcess.REPLY_MAIL_PROCESS_KEY)
        .singleResult();
  }

  private List<MimeMessage> received() {
    return List.of(smtp.getReceivedMessages());
  }

  private static MimeMessage only(List<MimeMessage> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static List<String> headerNames(MimeMessage message) throws MessagingException {
    return java.util.Collections.list(message.getAllHeaders()).stream().map(jakarta.mail.Header::getName).toList();
  }

  private static List<Message> conversation() {
    return new ConversationRepository(ProcessTestEngine.jdbc()).messages(1);
  }

  private static Conversation conversationService() {
    return ProcessTestEngine.conversation();
  }
}
