package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Expressions in task queries run on the server. Camunda forbids them in ad-hoc queries but evaluates those inside
 * {@code orQueries} anyway, and those of stored filters: both are refused, on Camunda's REST API, on the webapps'
 * copy of it, and in the engine itself.
 */
@ApplicationTest
class QueryExpressionGuardTest {

  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  /** What an attacker would send: code that runs by reflection, here harmless (it counts processors). */
  static final String CODE = "${''.getClass().forName('java.lang.Runtime').getRuntime().availableProcessors()}";
  static final String OR_QUERY = "{\"orQueries\": [{\"assigneeExpression\": \"" + CODE + "\"}]}";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  @ParameterizedTest
  @ValueSource(strings = {"/task", "/task/count"})
  void anAgentsTaskQueryWithAnExpressionInOrQueriesIsRefusedOnTheWebappsApi(String path) {
    WebSession sam = WebSession.webapps(port, "sam");

    WebSession.Response answer = sam.postJson(WEBAPP_ENGINE + path, OR_QUERY);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("title", "Expression refused")
        .containsEntry("field", "orQueries[0].assigneeExpression");
  }

  @Test
  void aFilterRunWithAnExpressionInItsOrQueriesIsRefused() {
    WebSession sam = WebSession.webapps(port, "sam");
    String supportQueue = filterService.createFilterQuery().filterName("Support queue").singleResult().getId();

    WebSession.Response answer = sam.postJson(WEBAPP_ENGINE + "/filter/" + supportQueue + "/list", OR_QUERY);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("field", "orQueries[0].assigneeExpression");
  }

  @Test
  void anExpressionInOrQueriesIsRefusedOnCamundasRestApiEvenForAnAdministrator() {
    WebSession.Response answer = WebSession.anonymous(port).send("POST", "/engine-rest/task",
        OR_QUERY.getBytes(StandardCharsets.UTF_8), "application/json", Map.of("Authorization", basic("demo")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("field", "orQueries[0].assigneeExpression");
  }

  @Test
  void orQueriesAsAQueryParameterAreA400NotA500() {
    WebSession.Response answer = WebSession.anonymous(port).send("GET", "/engine-rest/task?orQueries=x", null, null,
        Map.of("Authorization", basic("demo")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("field", "orQueries");
  }

  @Test
  void anOrQueryWithoutExpressionsStillWorks() {
    WebSession sam = WebSession.webapps(port, "sam");

    WebSession.Response answer = sam.postJson(WEBAPP_ENGINE + "/task",
        "{\"orQueries\": [{\"candidateGroup\": \"support\"}, {\"assignee\": \"sam\"}]}");

    assertThat(answer.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest", WEBAPP_ENGINE})
  void anAdministratorCannotStoreAFilterWithCode(String api) {
    String name = "code-" + UUID.randomUUID();
    WebSession session = api.startsWith("/engine-rest") ? WebSession.anonymous(port) : WebSession.webapps(port, "demo");
    Map<String, String> auth = api.startsWith("/engine-rest") ? Map.of("Authorization", basic("demo")) : Map.of();

    WebSession.Response created = session.send("POST", api + "/filter/create", ("{\"resourceType\": \"Task\","
        + " \"name\": \"" + name + "\", \"query\": {\"candidateGroupExpression\": \"" + CODE + "\"}}")
        .getBytes(StandardCharsets.UTF_8), "application/json", auth);

    assertThat(created.status()).isEqualTo(400);
    assertThat(created.json()).containsEntry("field", "query.candidateGroupExpression");
    assertThat(filterService.createFilterQuery().filterName(name).count()).isZero();
  }

  @Test
  void anAdministratorCannotUpdateAFilterToHoldCode() {
    Filter filter = filterService.saveFilter(filterService.newTaskFilter("update-" + UUID.randomUUID())
        .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));

    WebSession.Response updated = WebSession.anonymous(port).send("PUT", "/engine-rest/filter/" + filter.getId(),
        ("{\"name\": \"" + filter.getName() + "\", \"query\": {\"orQueries\": [{\"dueAfterExpression\": \"" + CODE
            + "\"}]}}").getBytes(StandardCharsets.UTF_8), "application/json", Map.of("Authorization", basic("demo")));

    assertThat(updated.status()).isEqualTo(400);
    assertThat(filterService.getFilter(filter.getId()).getQuery().toString()).doesNotContain("forName");
    filterService.deleteFilter(filter.getId());
  }

  @Test
  void theExpressionsOfTheShippedFiltersAreAllowedInStoredQueries() {
    String name = "mine-" + UUID.randomUUID();

    WebSession.Response created = WebSession.anonymous(port).send("POST", "/engine-rest/filter/create",
        ("{\"resourceType\": \"Task\", \"name\": \"" + name + "\", \"query\": {"
            + "\"assigneeExpression\": \"${currentUser()}\", \"candidateGroupsExpression\": \"${currentUserGroups()}\","
            + " \"dueBeforeExpression\": \"${dateTime().plusDays(2).withTimeAtStartOfDay().toDate()}\","
            + " \"followUpBeforeExpression\": \"${now()}\"}}").getBytes(StandardCharsets.UTF_8),
        "application/json", Map.of("Authorization", basic("demo")));

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = (String) created.json().get("id");
    WebSession.Response run = WebSession.anonymous(port).send("GET", "/engine-rest/filter/" + id + "/count", null,
        null, Map.of("Authorization", basic("demo")));
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    filterService.deleteFilter(id);
  }

  @Test
  void theEngineRefusesCodeInOrQueriesWhateverPathTheQueryCameBy() {
    identityService.setAuthenticatedUserId("sam");
    try {
      assertThatThrownBy(() -> taskService.createTaskQuery().or().taskAssigneeExpression(CODE).endOr().list())
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("is refused");
      assertThat(taskService.createTaskQuery().or().taskAssigneeExpression("${currentUser()}").taskUnassigned()
          .endOr().count()).isNotNegative();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void theEngineRefusesCodeInAFilterStoredBeforeTheGuard() {
    // A filter saved past the HTTP guard (an older version, a script on the Java API) still cannot run its code.
    Filter filter = filterService.saveFilter(filterService.newTaskFilter("stored-" + UUID.randomUUID())
        .setQuery(taskService.createTaskQuery().taskCandidateGroupExpression(CODE)));

    WebSession.Response run = WebSession.anonymous(port).send("GET", "/engine-rest/filter/" + filter.getId()
        + "/list", null, null, Map.of("Authorization", basic("demo")));

    assertThat(run.status()).isEqualTo(400);
    assertThat(run.body()).contains("is refused");
    filterService.deleteFilter(filter.getId());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
