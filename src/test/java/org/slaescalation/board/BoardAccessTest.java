package org.slaescalation.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who sees which rows of the SLA board, through the real security filter chain over HTTP: an agent sees the tickets
 * his own team holds, whatever filter he asks for; team leads and administrators see every team; a system of the
 * integration group and an anonymous caller see nothing, as problem bodies. The page {@code /board} keeps the same
 * rule with the webapps' session.
 */
@ApplicationTest
@SuppressWarnings("unchecked")
class BoardAccessTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TicketService tickets;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;

  /** A ticket at triage (support holds it) and one handed off to engineering. */
  String atSupport;
  String atEngineering;

  /** Opens them, for the tests that look at rows (a refused request needs none). */
  void aTicketWithEachOfTwoTeams() {
    atSupport = ticketId(OpenTickets.atTriage(tickets, engine));
    Task handedOff = OpenTickets.atTriage(tickets, engine);
    taskService.complete(handedOff.getId(), Map.of("outcome", "handoff-engineering", "internalNote", "Reproduced"));
    atEngineering = ticketId(handedOff);
  }

  String ticketId(Task task) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
  }

  Map<String, Object> board(String user, String query) {
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth(user, user)
        .exchange("/api/board" + query, HttpMethod.GET, null, JSON);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  static List<Map<String, Object>> rows(Map<String, Object> board) {
    return (List<Map<String, Object>>) board.get("rows");
  }

  static List<String> ids(Map<String, Object> board) {
    return rows(board).stream().map(row -> (String) row.get("ticketId")).toList();
  }

  static List<Object> teams(Map<String, Object> board) {
    return rows(board).stream().map(row -> row.get("team")).distinct().toList();
  }

  @Test
  void anEngineerAskingForTheSupportTeamsRowsGetsNone() {
    aTicketWithEachOfTwoTeams();
    Map<String, Object> asked = board("erin", "?team=support");

    assertThat(ids(asked)).doesNotContain(atSupport, atEngineering);
    assertThat(rows(asked)).isEmpty();
    assertThat(asked.get("teams")).isEqualTo(List.of("engineering"));
    Map<String, Object> own = board("erin", "");
    assertThat(ids(own)).contains(atEngineering).doesNotContain(atSupport);
    assertThat(teams(own)).containsExactly("engineering");
  }

  @Test
  void aSupportAgentSeesHisTeamsRowsOnlyAndASysadminNeitherTicket() {
    aTicketWithEachOfTwoTeams();
    assertThat(ids(board("sam", ""))).contains(atSupport).doesNotContain(atEngineering);
    assertThat(teams(board("sam", ""))).containsExactly("support");
    assertThat(rows(board("sam", "?team=engineering"))).isEmpty();
    assertThat(ids(board("sid", ""))).doesNotContain(atSupport, atEngineering);
  }

  @Test
  void teamLeadsAndAdministratorsSeeEveryTeam() {
    aTicketWithEachOfTwoTeams();
    for (String user : List.of("sophie", "demo")) {
      Map<String, Object> all = board(user, "");
      assertThat(ids(all)).as(user).contains(atSupport, atEngineering);
      assertThat(all.get("teams")).as(user).isEqualTo(List.of("support", "engineering", "sysadmin"));
      assertThat(ids(board(user, "?team=support"))).as(user).contains(atSupport).doesNotContain(atEngineering);
    }
  }

  @Test
  void theIntegrationGroupIsForbiddenAndAnAnonymousCallerMustLogIn() {
    aTicketWithEachOfTwoTeams();
    ResponseEntity<String> integration = rest.withBasicAuth("crm", "crm").exchange("/api/board", HttpMethod.GET,
        null, String.class);
    ResponseEntity<String> anonymous = rest.exchange("/api/board?team=support", HttpMethod.GET, null,
        String.class);

    assertThat(integration.getStatusCode().value()).isEqualTo(403);
    assertThat(integration.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(integration.getBody()).doesNotContain(atSupport).doesNotContain("\"rows\"");
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(anonymous.getBody()).doesNotContain(atSupport).doesNotContain("\"rows\"");
  }

  @Test
  void thePageKeepsTheSameRuleWithTheWebappsSession() {
    aTicketWithEachOfTwoTeams();
    WebSession.Response erin = WebSession.pages(port, "erin").get("/board?team=support");
    WebSession.Response erinsOwn = WebSession.pages(port, "erin").get("/board");
    WebSession.Response sophie = WebSession.pages(port, "sophie").get("/board");

    assertThat(erin.status()).isEqualTo(200);
    assertThat(erin.body()).doesNotContain(atSupport).doesNotContain(atEngineering);
    assertThat(erin.body()).as("the form shows the filter asked for, among erin's teams only")
        .doesNotContain("<option value=\"support\"").contains("<option value=\"engineering\">");
    assertThat(erinsOwn.body()).contains(atEngineering).doesNotContain(atSupport);
    assertThat(sophie.body()).contains(atSupport, atEngineering);
    assertThat(WebSession.pages(port, "crm").get("/board").status()).isEqualTo(403);
    WebSession.Response anonymous = WebSession.anonymous(port).get("/board");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location")).endsWith("/login");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      color=red               | color
      team=marketing          | team
      team=support&team=sysadmin | team
      tier=gold               | tier
      priority=P5             | priority
      state=late              | state
      state=at_risk           | state
      """)
  void aBadFilterIsA400NamingTheParameter(String query, String parameter) {
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth("sophie", "sophie")
        .exchange("/api/board?" + query, HttpMethod.GET, null, JSON);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody()).containsEntry("title", "Invalid request parameter")
        .containsEntry("parameter", parameter);
    assertThat((String) answer.getBody().get("detail")).contains(parameter);
    WebSession.Response page = WebSession.pages(port, "sophie").get("/board?" + query);
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("&#39;" + parameter + "&#39;").doesNotContain("data-ticket=");
  }
}
