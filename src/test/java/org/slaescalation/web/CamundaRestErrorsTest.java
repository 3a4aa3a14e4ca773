package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's REST API answers most refusals of the engine with 500; the service answers them with the 4xx they are:
 * the requests an agent's Tasklist session or an administrator's script can send that the engine refuses.
 */
@ApplicationTest
class CamundaRestErrorsTest {

  static final String ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired TicketService tickets;
  @Autowired ProcessEngine engine;

  @Test
  void claimingATaskSomeoneElseHoldsIsAConflict() {
    Task task = OpenTickets.atTriage(tickets, engine);
    engine.getTaskService().setAssignee(task.getId(), "sophie");

    WebSession.Response answer = WebSession.webapps(port, "sam").postJson(ENGINE + "/task/" + task.getId() + "/claim",
        "{\"userId\": \"sam\"}");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json()).containsEntry("type", "TaskAlreadyClaimedException");
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      POST | /task/no-such-task/claim  | {"userId": "demo"}                                        | 404
      POST | /task                     | {"candidateGroup": "support", "candidateUser": "sam"}     | 400
      POST | /task                     | {"orQueries": [null]}                                     | 400
      POST | /task                     | {"processVariables": [{"name": "a", "operator": "gt", "value": true}]} | 400
      POST | /condition                | {}                                                        | 400
      GET  | /task/no-such-task/rendered-form |                                                    | 404
      GET  | /task/database/variables  |                                                           | 404
      GET  | /task/persistence%20layer/variables |                                                 | 404
      POST | /task/database/complete   | {}                                                        | 404
      GET  | /task?firstResult=-5&maxResults=-5 |                                                  | 400
      GET  | /history/user-operation?maxResults=%2D1 |                                             | 400
      GET  | /user?firstResult=-10&maxResults=5 |                                                  | 400
      """)
  void whatTheEngineRefusesIsA4xx(String method, String path, String body, int status) {
    WebSession.Response answer = WebSession.anonymous(port).send(method, "/engine-rest" + path,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8), body == null ? null : "application/json",
        Map.of("Authorization", "Basic ZGVtbzpkZW1v"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
  }

  @Test
  void aBpmnErrorNothingCatchesIsA400() {
    Task task = OpenTickets.atTriage(tickets, engine);

    WebSession.Response answer = WebSession.anonymous(port).send("POST", "/engine-rest/task/" + task.getId()
        + "/bpmnError", "{\"errorCode\": \"nope\"}".getBytes(StandardCharsets.UTF_8), "application/json",
        Map.of("Authorization", "Basic ZGVtbzpkZW1v"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/%65ngine-rest/task", "/%63amunda/api/engine/engine/default/task",
      "/camunda/%61pi/engine/engine/default/task", "/camunda/api/%61dmin/setup/default/user/create", "/api/ticket%73"})
  void aPathWithAnEncodedLetterIsA400(String path) {
    assertThat(WebSession.anonymous(port).get(path).status()).isEqualTo(400);
  }

  @Test
  void aFailureOfTheDatabaseStaysA500() {
    byte[] body = ("{\"type\":\"ProcessEnginePersistenceException\",\"message\":\"An exception occurred in the"
        + " persistence layer.\"}").getBytes(StandardCharsets.UTF_8);

    assertThat(CamundaRestErrors.status(500, body)).isEqualTo(500);
    assertThat(CamundaRestErrors.status(500, "<html>".getBytes(StandardCharsets.UTF_8))).isEqualTo(500);
    assertThat(CamundaRestErrors.status(500, ("{\"type\":\"ProcessEngineException\",\"message\":\"ENGINE-03004"
        + " Exception while executing Database Operation 'INSERT VariableInstanceEntity'\"}")
        .getBytes(StandardCharsets.UTF_8))).as("a failed flush").isEqualTo(500);
    assertThat(CamundaRestErrors.status(500, ("{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005"
        + " Execution of 'UPDATE TaskEntity' failed. Entity was updated by another transaction concurrently.\"}")
        .getBytes(StandardCharsets.UTF_8))).isEqualTo(409);
    byte[] echo = "{\"type\":\"NullValueException\",\"message\":\"task database doesn't exist\"}"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(CamundaRestErrors.status(500, echo)).as("words of the request are not a failure of the server")
        .isEqualTo(404);
    assertThat(CamundaRestErrors.status(500,
        "{\"type\":\"RestException\",\"message\":\"Cannot submit task form x: Variable 'outcome' must be one of\"}"
            .getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
  }
}
