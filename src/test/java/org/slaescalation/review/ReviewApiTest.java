package org.slaescalation.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The data behind the review page: deployed models, the XML of a version, and what each element's overlay shows. */
@ApplicationTest
class ReviewApiTest {

  @Autowired TestRestTemplate rest;

  @Test
  void listsEveryDeployedProcessAndDecisionWithItsVersions() {
    Map<String, List<Map<String, Object>>> models = get("/review/api/models", new ParameterizedTypeReference<>() {});

    assertThat(models.get("processes")).extracting(m -> m.get("key")).contains(TicketProcess.PROCESS_KEY);
    assertThat(models.get("decisions")).extracting(m -> m.get("key")).contains("SlaPolicy", "OlaBudget");
    assertThat(models.get("processes")).filteredOn(m -> TicketProcess.PROCESS_KEY.equals(m.get("key")))
        .singleElement().satisfies(m -> assertThat((List<?>) m.get("versions")).isNotEmpty());
  }

  @Test
  void servesTheXmlOfAProcessAndADecisionVersion() {
    String process = latestId("processes", TicketProcess.PROCESS_KEY);
    String decision = latestId("decisions", "OlaBudget");

    assertThat(get("/review/api/processes/" + process + "/xml", new ParameterizedTypeReference<String>() {}))
        .contains("id=\"" + TicketProcess.TASK_TRIAGE + "\"");
    assertThat(get("/review/api/decisions/" + decision + "/xml", new ParameterizedTypeReference<String>() {}))
        .contains("id=\"OlaBudget\"");
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/review/api/processes/nope:1:x/xml", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aUserTaskShowsItsTeamOlaBudgetFormAndTimers() {
    String process = latestId("processes", TicketProcess.PROCESS_KEY);
    List<Map<String, Object>> elements = get("/review/api/processes/" + process + "/elements",
        new ParameterizedTypeReference<>() {});

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
        .containsEntry("timeDate", "${clocks.due(execution, 'resolution', 'breach')}");
    assertThat(breached).containsEntry("team", "support");
  }

  private static Map<String, Object> element(List<Map<String, Object>> elements, String id) {
    return elements.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow();
  }

  private String latestId(String kind, String key) {
    Map<String, List<Map<String, Object>>> models = get("/review/api/models", new ParameterizedTypeReference<>() {});
    Map<String, Object> model = models.get(kind).stream().filter(m -> key.equals(m.get("key"))).findFirst()
        .orElseThrow();
    return (String) ((List<Map<String, Object>>) model.get("versions")).get(0).get("id");
  }

  private <T> T get(String path, ParameterizedTypeReference<T> type) {
    ResponseEntity<T> answer = rest.withBasicAuth("demo", "demo").exchange(path, HttpMethod.GET, null, type);
    assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }
}
