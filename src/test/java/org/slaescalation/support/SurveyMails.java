package org.slaescalation.support;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.notification.CapturedMails;
import org.slaescalation.ticket.TicketProcess;

/** Closes tickets as support does and reads the survey links the mails of a ticket carry, oldest first. */
public final class SurveyMails {

  private static final Pattern LINK = Pattern.compile("https?://\\S+/csat/[A-Za-z0-9_.-]+");

  private SurveyMails() {}

  /** Triage resolves the ticket with a reply to the customer, support confirms: the ticket closes. */
  public static void close(ProcessEngine engine, String ticketId) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(TicketProcess.PROCESS_KEY).processInstanceBusinessKey(ticketId).singleResult();
    Api.executeJobs(engine.getManagementService(), instance.getId());
    Task triage = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    engine.getTaskService().complete(triage.getId(), java.util.Map.of("outcome", "resolved",
        "customerReply", "Clear your cache."));
    Task confirm = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    engine.getTaskService().complete(confirm.getId(), java.util.Map.of("outcome", "resolved"));
  }

  /** Mails the ticket's replies (the jobs of its "Reply mail" instances) and returns the survey links mailed. */
  public static List<String> links(ProcessEngine engine, CapturedMails mails, String ticketId) {
    engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(TicketProcess.REPLY_MAIL_PROCESS_KEY).processInstanceBusinessKey(ticketId).list()
        .forEach(reply -> Api.executeJobs(engine.getManagementService(), reply.getId()));
    return mails.latest(500).stream()
        .filter(mail -> mail.subject().startsWith("[" + ticketId + "]"))
        .map(mail -> LINK.matcher(mail.textBody()))
        .filter(Matcher::find)
        .map(Matcher::group)
        .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), newestFirst -> {
          java.util.Collections.reverse(newestFirst);
          return newestFirst;
        }));
  }
}
