package org.slaescalation.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.WebSession;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every Tasklist filter shows the ticket in each row, on a new installation and on one from an earlier version, and
 * an agent finds a ticket's task by typing its id into Tasklist's search box.
 */
@ApplicationTest
class TasklistFiltersTest {

  private static final List<Map<String, Object>> TICKET_IN_ROW = List.of(
      Map.of("name", "subject", "label", "Subject"),
      Map.of("name", "customerName", "label", "Customer"),
      Map.of("name", "tier", "label", "Tier"),
      Map.of("name", "priority", "label", "Priority"),
      Map.of("name", "ticketId", "label", "Ticket"));

  @LocalServerPort int port;
  @Autowired TeamSetup teamSetup;
  @Autowired FilterService filterService;

  @Test
  void everyFilterAnAgentSeesShowsTicketSubjectCustomerTierAndPriority() {
    List<Map<String, Object>> filters = WebSession.webapps(port, "sam")
        .get("/camunda/api/engine/engine/default/filter").jsonList();

    assertThat(filters).extracting(filter -> filter.get("name"))
        .containsExactlyInAnyOrder("Support queue", "Waiting on customer", "My tasks");
    assertThat(filters).filteredOn(filter -> !"Waiting on customer".equals(filter.get("name")))
        .allSatisfy(filter -> assertThat(filter.get("properties"))
        .asInstanceOf(MAP)
        .containsEntry("variables", TICKET_IN_ROW));
    List<Object> waitingRow = new ArrayList<>(TICKET_IN_ROW);
    waitingRow.add(Map.of("name", "waitingSince", "label", "Waiting since"));
    assertThat(filters).filteredOn(filter -> "Waiting on customer".equals(filter.get("name"))).singleElement()
        .satisfies(filter -> assertThat(filter.get("properties")).asInstanceOf(MAP)
            .containsEntry("variables", waitingRow));
  }

  @Test
  void everyFilterTheServiceCreatesShowsTheTicket() {
    List<String> names = new ArrayList<>(List.of(TasklistFilters.MY_TASKS, TasklistFilters.ALL_OPEN_TICKETS));
    for (Team team : Team.values()) {
      names.add(TasklistFilters.queue(team));
    }
    assertThat(names).allSatisfy(name -> assertThat(filter(name).getProperties())
        .containsEntry("variables", TICKET_IN_ROW));
  }

  @Test
  void aFilterOfAnEarlierVersionShowsTheTicketAfterTheNextStart_keepingWhatAnAdministratorAdded() {
    String name = TasklistFilters.queue(Team.ENGINEERING);
    Filter filter = filter(name);
    Map<String, Object> original = new LinkedHashMap<>(filter.getProperties());
    Map<String, Object> crmId = Map.of("name", "externalId", "label", "CRM id");
    // As an earlier version created it, and an administrator then added a column in Tasklist.
    filterService.saveFilter(filter.setProperties(Map.of("priority", -9, "description", "Edited by an administrator",
        "refresh", true, "variables", List.of(crmId))));
    try {
      teamSetup.run(null);

      Map<String, Object> properties = filter(name).getProperties();
      List<Map<String, Object>> expected = new ArrayList<>(TICKET_IN_ROW);
      expected.add(crmId);
      assertThat(properties).containsEntry("variables", expected)
          .containsEntry("priority", -9).containsEntry("description", "Edited by an administrator");

      int revision = ((FilterEntity) filter(name)).getRevision();
      teamSetup.run(null);
      assertThat(((FilterEntity) filter(name)).getRevision()).as("a second start saves nothing").isEqualTo(revision);
    } finally {
      filterService.saveFilter(filter(name).setProperties(original));
    }
  }

  /**
   * What Tasklist asks when an agent types a ticket id into the search box and presses Enter (a "Name like"
   * search, the default criterion): the filter's tasks with {@code nameLike} {@code %T-nnnnn%}, as HAL, with the
   * variables each row shows embedded.
   */
  @Test
  void anAgentSearchingTheSupportQueueForATicketIdGetsItsRowWithTheTicket(@Autowired TicketService tickets,
      @Autowired ProcessEngine engine) {
    Task task = OpenTickets.atTriage(tickets, engine, OpenTickets.ticket("P4", "billing"));
    String ticketId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
    String queue = filter(TasklistFilters.queue(Team.SUPPORT)).getId();

    WebSession sam = WebSession.webapps(port, "sam");
    List<Map<String, Object>> rows = search(sam, queue, "{\"nameLike\": \"%" + ticketId.toLowerCase() + "%\"}");

    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("id", task.getId()).containsEntry("name", "Triage " + ticketId);
      Map<String, Object> shown = new LinkedHashMap<>();
      embedded(row, "variable").forEach(variable -> shown.put((String) variable.get("name"), variable.get("value")));
      assertThat(shown).containsEntry("ticketId", ticketId).containsEntry("subject", "Checkout fails")
          .containsEntry("customerName", "ACME").containsEntry("tier", "standard").containsEntry("priority", "P4");
    });
  }

  /** The other criteria the README names: the business key (the ticket id) and the process variable ticketId. */
  @Test
  void theBusinessKeyAndTheProcessVariableTicketIdFindTheTicketToo(@Autowired TicketService tickets,
      @Autowired ProcessEngine engine) {
    Task task = OpenTickets.atTriage(tickets, engine, OpenTickets.ticket("P3", "bug"));
    String ticketId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
    String queue = filter(TasklistFilters.queue(Team.SUPPORT)).getId();
    WebSession sam = WebSession.webapps(port, "sam");

    assertThat(search(sam, queue, "{\"processInstanceBusinessKey\": \"" + ticketId + "\"}"))
        .extracting(row -> row.get("id")).containsExactly(task.getId());
    assertThat(search(sam, queue, "{\"processInstanceBusinessKeyLike\": \"%" + ticketId + "%\"}"))
        .extracting(row -> row.get("id")).containsExactly(task.getId());
    assertThat(search(sam, queue, "{\"processVariables\": [{\"name\": \"ticketId\", \"operator\": \"eq\","
        + " \"value\": \"" + ticketId + "\"}]}"))
        .extracting(row -> row.get("id")).containsExactly(task.getId());
  }

  /** A lead's "All open tickets" shows the row of another team's task too, not only its name. */
  @Test
  void aLeadSeesTheRowOfAnotherTeamsTaskInAllOpenTickets(@Autowired TicketService tickets,
      @Autowired ProcessEngine engine) {
    Task triage = OpenTickets.atTriage(tickets, engine, OpenTickets.ticket("P3", "bug"));
    engine.getTaskService().complete(triage.getId(), Map.of("outcome", "handoff-engineering",
        "internalNote", "Over to you"));
    Task investigate = engine.getTaskService().createTaskQuery().processInstanceId(triage.getProcessInstanceId())
        .singleResult();
    String all = filter(TasklistFilters.ALL_OPEN_TICKETS).getId();

    List<Map<String, Object>> rows = search(WebSession.webapps(port, "sophie"), all,
        "{\"taskId\": \"" + investigate.getId() + "\"}");

    assertThat(rows).singleElement().satisfies(row -> {
      Map<String, Object> shown = new LinkedHashMap<>();
      embedded(row, "variable").forEach(variable -> shown.put((String) variable.get("name"), variable.get("value")));
      assertThat(shown).as("sophie leads support; the task is engineering's").containsEntry("subject", "Checkout fails")
          .containsEntry("customerName", "ACME").containsEntry("priority", "P3");
    });
  }

  /**
   * A ticket waiting on the customer is in support's "Waiting on customer" with since when, not in the support queue
   * (it is no work until the customer answers), and in a lead's "All open tickets".
   */
  @Test
  void aWaitingTicketIsListedInWaitingOnCustomerWithSinceWhen_notInTheSupportQueue(@Autowired TicketService tickets,
      @Autowired ProcessEngine engine) {
    Task triage = OpenTickets.atTriage(tickets, engine, OpenTickets.ticket("P3", "question"));
    String ticketId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(triage.getProcessInstanceId()).singleResult().getBusinessKey();
    engine.getTaskService().complete(triage.getId(), Map.of("outcome", "waiting-on-customer",
        "customerReply", "Which browser do you use?"));
    Task waiting = engine.getTaskService().createTaskQuery().processInstanceId(triage.getProcessInstanceId())
        .singleResult();
    assertThat(waiting.getTaskDefinitionKey()).isEqualTo(TicketProcess.TASK_AWAIT_CUSTOMER);
    String byId = "{\"taskId\": \"" + waiting.getId() + "\"}";
    WebSession sam = WebSession.webapps(port, "sam");

    assertThat(search(sam, filter(TasklistFilters.WAITING_ON_CUSTOMER).getId(), byId)).singleElement()
        .satisfies(row -> {
          assertThat(row).containsEntry("name", "Waiting on customer " + ticketId);
          Map<String, Object> shown = new LinkedHashMap<>();
          embedded(row, "variable").forEach(variable -> shown.put((String) variable.get("name"),
              variable.get("value")));
          assertThat(shown).containsEntry("ticketId", ticketId).containsEntry("subject", "Checkout fails")
              .containsKey("waitingSince");
        });
    assertThat(search(sam, filter(TasklistFilters.queue(Team.SUPPORT)).getId(), byId)).isEmpty();
    assertThat(search(WebSession.webapps(port, "sophie"), filter(TasklistFilters.ALL_OPEN_TICKETS).getId(), byId))
        .hasSize(1);
    WebSession.Response erin = WebSession.webapps(port, "erin").send("POST", "/camunda/api/engine/engine/default/filter/"
        + filter(TasklistFilters.WAITING_ON_CUSTOMER).getId() + "/list?firstResult=0&maxResults=15",
        byId.getBytes(StandardCharsets.UTF_8), "application/json", Map.of("Accept", "application/hal+json"));
    assertThat(erin.status()).as("engineering is not granted support's filter").isEqualTo(403);
  }

  /** The filter's tasks that also match {@code query}, as Tasklist lists them (HAL, with the rows' variables). */
  private static List<Map<String, Object>> search(WebSession session, String filterId, String query) {
    WebSession.Response answer = session.send("POST",
        "/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        query.getBytes(StandardCharsets.UTF_8), "application/json", Map.of("Accept", "application/hal+json"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return embedded(answer.json(), "task");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> embedded(Map<String, Object> hal, String relation) {
    Map<String, Object> embedded = (Map<String, Object>) hal.get("_embedded");
    return embedded == null ? List.of() : (List<Map<String, Object>>) embedded.getOrDefault(relation, List.of());
  }

  private Filter filter(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult();
  }
}
