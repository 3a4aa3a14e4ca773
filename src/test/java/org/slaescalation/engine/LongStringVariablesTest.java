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

/**
 * Camunda's text column holds 4,000 characters; longer strings (a 20,000-character description from the ticket API,
 * TicketApiTest) are kept whole in the byte array table. A Tasklist form holds its replies and notes to 10,000.
 */
@ApplicationTest
class LongStringVariablesTest {

  @LocalServerPort int port;
  @Autowired TicketService tickets;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngine engine;
  @Autowired org.slaescalation.conversation.Conversation conversation;

  @Test
  void aNoteAtTheFormsLimitIsStoredWholeAndALongerOneIsRefused() {
    String line = "2027-03-01 09:00:00 ERROR Überweisung fehlgeschlagen\n";
    String note = (line.repeat(10_000 / line.length() + 1)).substring(0, 10_000);
    Task triage = triageTask();
    WebSession sam = WebSession.webapps(port, "sam");

    WebSession.Response tooLong = submit(sam, triage, note + "x");
    WebSession.Response submitted = submit(sam, triage, note);

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json()).containsEntry("title", "Invalid form submission");
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    String ticketId = (String) runtimeService.getVariable(triage.getProcessInstanceId(), TicketVariables.TICKET_ID);
    assertThat(conversation.messages(org.slaescalation.ticket.TicketId.number(ticketId).orElseThrow()))
        .extracting(org.slaescalation.conversation.Message::text).containsExactly(note);
  }

  private static WebSession.Response submit(WebSession session, Task task, String note) {
    return session.postJson("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
        "{\"variables\": {\"outcome\": {\"value\": \"handoff-engineering\"}, \"internalNote\": {\"value\": \""
            + note.replace("\n", "\\n") + "\"}}}");
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
