package org.slaescalation.support;

import static org.slaescalation.support.Api.post;
import static org.slaescalation.support.Api.ticketJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.process.RecordEscalations;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Tickets with a known timeline in the shared application context: opened through the ticket API, worked by
 * completing their tasks, their due jobs executed as the job executor would, at instants the test names in minutes
 * after its start. {@link #cancelAll()} (after each test) cancels them, so that none of their timers falls due in
 * another test, and gives the engine clock back.
 */
public final class TicketTimeline {

  private final TestRestTemplate rest;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final List<String> opened = new ArrayList<>();
  private Instant start;
  private boolean sendingEscalationMails;

  public TicketTimeline(TestRestTemplate rest, ProcessEngine engine, Instant start) {
    this.rest = rest;
    this.runtimeService = engine.getRuntimeService();
    this.taskService = engine.getTaskService();
    this.managementService = engine.getManagementService();
    this.start = start;
  }

  /** From now on, {@link #at} also sends the tickets' due escalation mails. */
  public TicketTimeline sendingEscalationMails() {
    this.sendingEscalationMails = true;
    return this;
  }

  /** Minutes count from {@code start} from now on (a second day of the same test). */
  public void startingAt(Instant start) {
    this.start = start;
  }

  public Instant t(long minutes) {
    return start.plus(Duration.ofMinutes(minutes));
  }

  /** Sets the engine clock to the start plus {@code minutes} and executes every due job of the tickets. */
  public void at(long minutes, String... ticketIds) {
    ClockUtil.setCurrentTime(Date.from(t(minutes)));
    for (String ticketId : ticketIds) {
      Api.executeJobs(managementService, instance(ticketId));
      if (sendingEscalationMails) {
        executeJobsOf(RecordEscalations.MAIL_PROCESS_KEY, ticketId);
      }
    }
  }

  /** Opens a ticket of the customer in {@link Api#ticketJson} and runs its start. */
  public String open(String priority, String tier) {
    String id = (String) post(rest, "crm", "/api/tickets", ticketJson(null, priority, tier)).getBody().get("id");
    opened.add(id);
    Api.executeJobs(managementService, instance(id));
    return id;
  }

  public String instance(String ticketId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY)
        .processInstanceBusinessKey(ticketId).singleResult().getId();
  }

  public Task task(String ticketId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(ticketId).singleResult();
  }

  /** Completes the ticket's task without a reply to the customer (the first-response clock keeps running). */
  public void complete(String ticketId, String outcome) {
    taskService.complete(task(ticketId).getId(), Map.of("outcome", outcome, "internalNote", "note"));
    Api.executeJobs(managementService, instance(ticketId));
  }

  /** Completes the task with a reply to the customer and sends it: the first response is met now. */
  public void completeWithReply(String ticketId, String outcome) {
    taskService.complete(task(ticketId).getId(), Map.of("outcome", outcome, "internalNote", "note",
        "customerReply", "Please clear your cache."));
    executeJobsOf(TicketProcess.REPLY_MAIL_PROCESS_KEY, ticketId);
    Api.executeJobs(managementService, instance(ticketId));
  }

  /** Cancels every ticket opened here (and its escalation mails) and resets the engine clock. */
  public void cancelAll() {
    for (String ticketId : opened) {
      for (String process : List.of(RecordEscalations.MAIL_PROCESS_KEY, TicketProcess.PROCESS_KEY)) {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(process)
            .processInstanceBusinessKey(ticketId).list()
            .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over"));
      }
    }
    opened.clear();
    ClockUtil.reset();
  }

  private void executeJobsOf(String processKey, String ticketId) {
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(ticketId).list()) {
      Api.executeJobs(managementService, instance.getId());
    }
  }
}
