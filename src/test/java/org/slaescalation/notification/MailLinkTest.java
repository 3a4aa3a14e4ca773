package org.slaescalation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.ticket.NewTicket;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code escalation.mail.public-url} unset (as in the shared test context), an escalation mail links to the
 * ticket's task on the port the server actually listens on, not on 8080.
 */
@ApplicationTest
class MailLinkTest {

  @Autowired TicketService tickets;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anEscalationLinksToTheTaskAtTheServersActualAddress() {
    NewTicket ticket = new NewTicket(null, "Checkout fails", "HTTP 500 on every order", "P1", "incident",
        new NewTicket.Customer("acme", "ACME", "ops@acme.example", "enterprise", "Europe/Amsterdam"));
    Task triage = OpenTickets.atTriage(tickets, engine, ticket);
    // Enterprise P1: support's OLA warning and the internal target are due after 22.5 of 30 minutes.
    ClockUtil.offset(23 * 60_000L);

    Api.executeJobs(engine.getManagementService(), triage.getProcessInstanceId());

    List<String> bodies = jdbc.sql("select text_body from escalation_mail where ticket_number = :number")
        .param("number", TicketId.number(businessKey(triage)).orElseThrow())
        .query(String.class).list();
    assertThat(port).isNotEqualTo(8080);
    assertThat(bodies).isNotEmpty().allSatisfy(body -> assertThat(body)
        .contains("Open the task in Tasklist: http://localhost:" + port
            + "/camunda/app/tasklist/default/#/?task=" + triage.getId()));
  }

  private String businessKey(Task task) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
  }
}
