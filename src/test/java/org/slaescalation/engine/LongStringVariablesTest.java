package org.slaescalation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketService;
import org.slaescalation.ticket.TicketVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Camunda's text column holds 4,000 characters; a longer note from a Tasklist form is kept whole, not a 500. */
@ApplicationTest
class LongStringVariablesTest {

  @LocalServerPort int port;
  @Autowired TicketService tickets;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngine engine;

  @Test
  void aLongNoteSubmittedInTasklistIsStoredAndReadBackWhole() {
    String note = "Steps to reproduce, with the customer's log:\n" + "2027-03-01 09:00:00 ERROR checkout\n".repeat(400);
    assertThat(note.length()).isGreaterThan(LongStringValueSerializer.TEXT_COLUMN_LENGTH * 3);
    Task triage = triageTask();
    WebSession sam = WebSession.webapps(port, "sam");

    WebSession.Response submitted = sam.postJson("/camunda/api/engine/engine/default/task/" + triage.getId()
        + "/submit-form", "{\"variables\": {\"outcome\": {\"value\": \"handoff-engineering\"}, \"supportNote\":"
        + " {\"value\": \"" + note.replace("\n", "\\n") + "\"}}}");

    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    assertThat(runtimeService.getVariable(triage.getProcessInstanceId(), TicketVariables.SUPPORT_NOTE)).isEqualTo(note);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(triage.getProcessInstanceId())
        .variableName(TicketVariables.SUPPORT_NOTE).singleResult().getValue()).isEqualTo(note);
  }

  @Test
  void aVariableMayGrowPastTheColumnAndShrinkBack() {
    String instance = triageTask().getProcessInstanceId();
    String longText = "x".repeat(LongStringValueSerializer.TEXT_COLUMN_LENGTH + 1);

    runtimeService.setVariable(instance, TicketVariables.SUPPORT_NOTE, longText);
    assertThat(runtimeService.getVariable(instance, TicketVariables.SUPPORT_NOTE)).isEqualTo(longText);
    runtimeService.setVariable(instance, TicketVariables.SUPPORT_NOTE, "short again");
    assertThat(runtimeService.getVariable(instance, TicketVariables.SUPPORT_NOTE)).isEqualTo("short again");
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance)
        .variableValueEquals(TicketVariables.SUPPORT_NOTE, "short again").count())
        .as("a short string is an ordinary string variable again, found by value").isOne();
  }

  private Task triageTask() {
    return OpenTickets.atTriage(tickets, engine);
  }
}
