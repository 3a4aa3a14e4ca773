package org.slaescalation.ladder;

import static org.slaescalation.support.ProcessTestEngine.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.slaescalation.notification.SmtpMailDelivery;
import org.slaescalation.process.RecordEscalations;
import org.slaescalation.support.ProcessTestEngine;

/**
 * The escalation outbox with a real SMTP server (GreenMail) and the service's tables in the engine transaction:
 * every mail of the ladder is sent in its own job, so a mail the server refuses is retried alone and no mail goes
 * twice. An enterprise P1 incident (24x7 calendar: first response 30 min, internal target 60 %, warning 75 %,
 * critical 90 %) whose timers all fall due while nothing runs: one timer records the rungs due together.
 */
@Deployment(resources = {
    "processes/ticket-escalation.bpmn", "processes/escalation-mail.bpmn", "processes/reply-mail.bpmn",
    "processes/sla-policy.dmn",
    "processes/ola-budget.dmn", "processes/triage-ticket.form", "processes/follow-up-ticket.form",
    "processes/investigate-ticket.form", "processes/fix-infrastructure.form", "processes/confirm-resolution.form",
    "processes/await-customer.form"})
class EscalationOutboxTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private GreenMail smtp;
  private int port;
  private final List<MimeMessage> received = new java.util.ArrayList<>();
  private SmtpMailDelivery delivery;

  @BeforeEach
  void setUp() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    port = smtp.getSmtp().getPort();
    BpmnAwareTests.init(engine.getProcessEngine());
    ProcessTestEngine.resetTables(1);
    delivery = ProcessTestEngine.smtp(port);
    ProcessTestEngine.registerBeans(delivery);
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void theServerRefusesTheSecondOfThreeRungsDueTogether_eachArrivesExactlyOnce() {
    ProcessInstance ticket = openEnterpriseIncident();
    // 28 minutes later: internal target (18 min), warning (22.5 min) and critical (27 min) of the first response
    // are all due; the job executor was down, the first timer to fire records all three.
    at("2027-03-01T09:28:00Z");
    fireOnly(ticket, "BoundaryEvent_FirstResponseInternalTarget");
    List<Job> mails = mailJobs();
    // Support's P1 OLA warning (75 % of 30 min) falls due with the internal target, for the same team: one mail
    // names both. The warning and the critical rung go to other recipients.
    assertThat(mails).hasSize(3);

    execute(mails.get(0));
    stopServer(); // the server refuses the second
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute(mails.get(1)));
    startServerAgain();
    execute(mails.get(2));
    Job retried = managementService().createJobQuery().jobId(mails.get(1).getId()).singleResult();
    assertThat(retried.getRetries()).as("tries left").isEqualTo(ProcessTestEngine.MAIL_RETRY.intervals().size());
    at(retried.getDuedate().toInstant().toString());
    execute(retried);
    // The other timers fire too: their rungs are recorded already, nothing goes again.
    fireOnly(ticket, "BoundaryEvent_FirstResponseWarning");
    fireOnly(ticket, "BoundaryEvent_FirstResponseCritical");
    ProcessTestEngine.sendEscalationMails();

    Map<String, Integer> copies = copiesByMessageIdAndRecipient();
    assertThat(copies.keySet()).extracting(key -> key).containsOnly(
        "<esc.T-1.ola-support.75+first-response.75-internal.20270301T093000Z@test.invalid>",
        "<esc.T-1.first-response.75.20270301T093000Z@test.invalid>",
        "<esc.T-1.first-response.90.20270301T093000Z@test.invalid>");
    assertThat(copies.values()).as("each mail once in each recipient's mailbox").containsOnly(0);
    assertThat(outboxStates()).containsOnly("sent");
    assertThat(received).filteredOn(EscalationOutboxTest::isEscalation).filteredOn(message -> header(message,
            "X-Escalation-Rungs") != null)
        .extracting(message -> header(message, "X-Escalation-Rungs"))
        .containsOnly("ola-support.75, first-response.75-internal");
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theServerIsDownWhileFiveRungsFallDue_thenUp_eachArrivesExactlyOnce() {
    ProcessInstance ticket = openEnterpriseIncident();
    stopServer();
    // The first response's internal target, warning, critical and breach and support's OLA warning and breach fall
    // due at 22.5, 27 and 30 minutes: five mails (the OLA warning shares the internal target's), each recorded as its
    // timer fires, each failing while the server is down.
    for (String timer : List.of("BoundaryEvent_FirstResponseInternalTarget", "BoundaryEvent_FirstResponseWarning",
        "BoundaryEvent_TriageOlaWarning", "BoundaryEvent_FirstResponseCritical", "BoundaryEvent_TriageOlaExpired",
        "BoundaryEvent_FirstResponseBreached")) {
      Job job = timerJob(ticket, timer);
      if (job == null) {
        continue;
      }
      at(job.getDuedate().toInstant().toString());
      fireOnly(ticket, timer);
      for (Job mail : mailJobs()) {
        if (mail.getRetries() == 5) {
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute(mail));
        }
      }
    }
    assertThat(outboxStates()).hasSize(5).containsOnly("pending");
    assertThat(received).noneMatch(EscalationOutboxTest::isEscalation);

    startServerAgain();
    at("2027-03-01T09:45:00Z"); // every retry is due
    ProcessTestEngine.sendEscalationMails();

    Map<String, Integer> copies = copiesByMessageIdAndRecipient();
    assertThat(copies.keySet()).hasSize(5);
    assertThat(copies.values()).as("each mail once in each recipient's mailbox").containsOnly(0);
    assertThat(outboxStates()).hasSize(5).containsOnly("sent");
  }

  @Test
  void aP3MailDueWhileItsRecipientsCalendarIsClosedWaitsUntilItOpens() {
    // The support team's mailbox reads mail in US business hours (09:00-17:00 New York, 14:00-22:00 UTC).
    ProcessTestEngine.registerBeans(delivery, "business-hours-us");
    at("2027-03-01T09:00:00Z"); // Monday 10:00 CET
    ProcessInstance ticket = ProcessTestEngine.startAtTriage(
        ProcessTestEngine.ticket("P3", "standard", "question", "initech"));
    // Support's P3 OLA is 4 h of support hours: its warning (3 h) is due at 14:00 CET, 13:00 UTC.
    assertThat(timerJob(ticket, "BoundaryEvent_TriageOlaWarning").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2027-03-01T13:00:00Z")));
    at("2027-03-01T13:00:00Z");
    fireOnly(ticket, "BoundaryEvent_TriageOlaWarning");

    assertThat(ProcessTestEngine.sendEscalationMails()).as("nothing to send yet").isZero();
    Job held = mailJobs().get(0);
    assertThat(held.getDuedate()).as("the mail waits for the calendar to open")
        .isEqualTo(Date.from(Instant.parse("2027-03-01T14:00:00Z")));
    assertThat(smtp.getReceivedMessages()).noneMatch(EscalationOutboxTest::isEscalation);

    at("2027-03-01T14:00:00Z");
    ProcessTestEngine.sendEscalationMails();
    assertThat(smtp.getReceivedMessages()).filteredOn(EscalationOutboxTest::isEscalation).singleElement()
        .satisfies(mail -> assertThat(header(mail, "X-Escalation-Clock")).isEqualTo("ola-support"));
  }

  @Test
  void aP1MailGoesAtOnce_whateverItsRecipientsCalendar() {
    ProcessTestEngine.registerBeans(delivery, "business-hours-us");
    at("2027-03-01T09:00:00Z");
    ProcessInstance ticket = ProcessTestEngine.startAtTriage(
        ProcessTestEngine.ticket("P1", "standard", "incident", "initech"));
    Job warning = timerJob(ticket, "BoundaryEvent_TriageOlaWarning");
    // Support's P1 OLA warning is due at 09:22:30 UTC, hours before the US calendar opens.
    assertThat(warning.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-03-01T09:22:30Z")));
    at(warning.getDuedate().toInstant().toString());
    fireOnly(ticket, "BoundaryEvent_TriageOlaWarning");

    ProcessTestEngine.sendEscalationMails();
    assertThat(smtp.getReceivedMessages()).filteredOn(EscalationOutboxTest::isEscalation).isNotEmpty();
  }

  private ProcessInstance openEnterpriseIncident() {
    at("2027-03-01T09:00:00Z");
    ProcessInstance instance = ProcessTestEngine.startAtTriage(
        ProcessTestEngine.ticket("P1", "enterprise", "incident", "globex"));
    // The acknowledgement to the customer is no escalation: it has no X-Escalation-Clock.
    return instance;
  }

  private static Job timerJob(ProcessInstance instance, String timer) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(timer)
        .singleResult();
  }

  /** Fires one timer and runs "Record due escalations" behind it, leaving the mails' jobs to the test. */
  private static void fireOnly(ProcessInstance instance, String timer) {
    Job job = timerJob(instance, timer);
    if (job == null) {
      return;
    }
    execute(job);
    for (Job record : managementService().createJobQuery().processInstanceId(instance.getId()).messages().list()) {
      execute(record);
    }
  }

  private static List<Job> mailJobs() {
    return managementService().createJobQuery().processDefinitionKey(RecordEscalations.MAIL_PROCESS_KEY)
        .orderByJobId().asc().list();
  }

  private static List<String> outboxStates() {
    return ProcessTestEngine.jdbc().sql("select state from escalation_mail order by id").query(String.class).list();
  }

  private static boolean isEscalation(MimeMessage message) {
    try {
      return message.getHeader("X-Escalation-Clock") != null;
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the server, keeping what it received. */
  private void stopServer() {
    received.addAll(List.of(smtp.getReceivedMessages()));
    smtp.stop();
  }

  private void startServerAgain() {
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    smtp.start();
  }

  /**
   * Escalation Message-ID → copies received, less the number of recipients: 0 for a mail that reached each of its
   * recipients once (GreenMail stores one copy per recipient).
   */
  private Map<String, Integer> copiesByMessageIdAndRecipient() {
    List<MimeMessage> all = new java.util.ArrayList<>(received);
    all.addAll(List.of(smtp.getReceivedMessages()));
    try {
      Map<String, Integer> copies = new TreeMap<>();
      for (MimeMessage message : all) {
        if (message.getHeader("X-Escalation-Clock") != null) {
          copies.merge(message.getMessageID(), 1, Integer::sum);
        }
      }
      Map<String, Integer> result = new TreeMap<>();
      for (MimeMessage message : all) {
        if (message.getHeader("X-Escalation-Clock") != null) {
          result.put(message.getMessageID(), copies.get(message.getMessageID())
              - message.getAllRecipients().length);
        }
      }
      return result;
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
