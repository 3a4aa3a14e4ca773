package org.slaescalation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The metrics that monitoring watches, at {@code /actuator/metrics} for administrators only. A job whose retries ran out (a mail server down for longer than escalation.mail.retry.intervals) is an incident,
 * and counts in {@code escalation.incidents} until an operator retries the job (Cockpit's "Increment number of
 * retries"). The clocks of a new ticket count in {@code escalation.clocks.open}; an escalation mail that fell due and
 * has not gone counts in {@code escalation.mails.pending} and makes {@code escalation.mails.overdue} grow.
 */
@ApplicationTest
class OperationsMetricsTest {

  private static final String METRIC = "/actuator/metrics/escalation.incidents?tag=type:failedJob";
  private static final String RUNNING = "/actuator/metrics/escalation.clocks.open?tag=state:running";
  private static final String PENDING = "/actuator/metrics/escalation.mails.pending";
  private static final String OVERDUE = "/actuator/metrics/escalation.mails.overdue";

  @Autowired TestRestTemplate rest;
  @Autowired TicketService tickets;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @Test
  void anExhaustedJobCountsAsAnIncidentUntilAnOperatorRetriesIt() {
    String id = tickets.open(OpenTickets.ticket("P3", "bug")).id();
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    Job job = management.createJobQuery().processInstanceId(instance).list().get(0);
    double before = value(METRIC);

    management.setJobRetries(job.getId(), 0);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isOne();
    assertThat(value(METRIC)).isEqualTo(before + 1);

    management.setJobRetries(job.getId(), 1);
    assertThat(value(METRIC)).isEqualTo(before);
  }

  @Test
  void openClocksAndMailsThatShouldHaveGoneAreCounted() {
    double running = value(RUNNING);
    double pending = value(PENDING);
    ResponseEntity<Map<String, Object>> created = Api.post(rest, "crm", "/api/tickets", Api.ticketJson(null, "P1",
        "enterprise"));
    String instance = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey((String) created.getBody().get("id")).singleResult().getId();
    Api.executeJobs(management, instance);
    assertThat(value(RUNNING)).as("first response, resolution, support's OLA").isEqualTo(running + 3);

    // Enterprise P1: support's OLA warning and the internal target are due after 22.5 of 30 minutes; the mail jobs
    // (the job executor is off here) do not run.
    ClockUtil.offset(23 * 60_000L);
    try {
      Api.executeJobs(management, instance);
      assertThat(value(PENDING)).isGreaterThan(pending);
      assertThat(value(OVERDUE)).as("seconds since the oldest due mail fell due").isGreaterThanOrEqualTo(30);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void onlyAdministratorsReadTheMetrics() {
    assertThat(rest.getForEntity(METRIC, String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(Api.get(rest, "sam", METRIC).getStatusCode().value()).isEqualTo(403);
    assertThat(Api.get(rest, "crm", "/actuator/metrics").getStatusCode().value()).isEqualTo(403);
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
  }

  @SuppressWarnings("unchecked")
  private double value(String metric) {
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, "demo", metric);
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    List<Map<String, Object>> measurements = (List<Map<String, Object>>) answer.getBody().get("measurements");
    return ((Number) measurements.get(0).get("value")).doubleValue();
  }
}
