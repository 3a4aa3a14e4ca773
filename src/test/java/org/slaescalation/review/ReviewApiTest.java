package org.slaescalation.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The data behind the review page, as the page reads it in the session of a team lead: deployed models, the XML of
 * a version (a download, never a page), and what each element's overlay shows.
 */
@ApplicationTest
@SuppressWarnings("unchecked")
class ReviewApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  WebSession lead;

  @BeforeEach
  void logIn() {
    lead = WebSession.pages(port, "sophie");
  }

  @Test
  void listsEveryDeployedProcessAndDecisionWithItsVersions() {
    Map<String, List<Map<String, Object>>> models = get("/review/api/models", new TypeReference<>() {});

    assertThat(models.get("processes")).extracting(m -> m.get("key")).contains(TicketProcess.PROCESS_KEY);
    assertThat(models.get("decisions")).extracting(m -> m.get("key")).contains("SlaPolicy", "OlaBudget");
    assertThat(models.get("processes")).filteredOn(m -> TicketProcess.PROCESS_KEY.equals(m.get("key")))
        .singleElement().satisfies(m -> assertThat((List<?>) m.get("versions")).isNotEmpty());
  }

  @Test
  void servesTheXmlOfAProcessAndADecisionVersion() {
    String process = latestId("processes", TicketProcess.PROCESS_KEY);
    String decision = latestId("decisions", "OlaBudget");

    WebSession.Response bpmn = lead.get("/review/api/processes/" + process + "/xml");
    assertThat(bpmn.status()).isEqualTo(200);
    assertThat(bpmn.body()).contains("id=\"" + TicketProcess.TASK_TRIAGE + "\"");
    assertThat(bpmn.header("Content-Disposition")).isEqualTo("attachment; filename=\"process.bpmn\"");
    assertThat(bpmn.header("X-Content-Type-Options")).isEqualTo("nosniff");
    WebSession.Response dmn = lead.get("/review/api/decisions/" + decision + "/xml");
    assertThat(dmn.body()).contains("id=\"OlaBudget\"");
    assertThat(dmn.header("Content-Disposition")).startsWith("attachment");
    assertThat(lead.get("/review/api/processes/nope:1:x/xml").status()).isEqualTo(404);
  }

  @Test
  void aUserTaskShowsItsTeamOlaBudgetFormAndTimers() {
    String process = latestId("processes", TicketProcess.PROCESS_KEY);
    List<Map<String, Object>> elements = get("/review/api/processes/" + process + "/elements",
        new TypeReference<>() {});

    Map<String, Object> investigate = element(elements, TicketProcess.TASK_INVESTIGATE);
    assertThat(investigate).containsEntry("lane", "Engineering").containsEntry("candidateGroups", "engineering")
        .containsEntry("team", "engineering").containsEntry("form", "investigate-ticket");
    assertThat((List<Map<String, Object>>) investigate.get("olaBudget"))
        .extracting(b -> b.get("priority") + " " + b.get("budget") + " " + b.get("calendar"))
        .containsExactly("P1 PT2H 24x7", "P2 PT4H 24x7", "P3 PT16H engineering", "P4 PT24H engineering");
    assertThat((List<Map<String, Object>>) investigate.get("timers"))
        .extracting(t -> t.get("id") + " " + t.get("clock") + " " + t.get("rung"))
        .containsExactlyInAnyOrder("BoundaryEvent_InvestigationOlaWarning ola-engineering warning",
            "BoundaryEvent_InvestigationOlaExpired ola-engineering breach");

    Map<String, Object> breached = element(elements, "BoundaryEvent_ResolutionBreached");
    assertThat((Map<String, Object>) breached.get("timer"))
        .containsEntry("clock", "resolution").containsEntry("rung", "breach")
        .containsEntry("timeDate", "${clocks.due(execution, 'BoundaryEvent_ResolutionBreached')}");
    assertThat(breached).containsEntry("team", "support");
  }

  private static Map<String, Object> element(List<Map<String, Object>> elements, String id) {
    return elements.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow();
  }

  private String latestId(String kind, String key) {
    Map<String, List<Map<String, Object>>> models = get("/review/api/models", new TypeReference<>() {});
    Map<String, Object> model = models.get(kind).stream().filter(m -> key.equals(m.get("key"))).findFirst()
        .orElseThrow();
    return (String) ((List<Map<String, Object>>) model.get("versions")).get(0).get("id");
  }

  private <T> T get(String path, TypeReference<T> type) {
    WebSession.Response answer = lead.get(path);
    assertThat(answer.status()).as(path).isEqualTo(200);
    try {
      return JSON.readValue(answer.body(), type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
