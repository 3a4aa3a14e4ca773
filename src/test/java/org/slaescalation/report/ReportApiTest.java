package org.slaescalation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Who reads the compliance reports (the SLA report, the breach list, CSAT beside compliance, the review candidates),
 * through the real security filter chain: team leads and administrators; an agent, the integration and an anonymous
 * caller are refused, for the JSON and the CSV alike. Every bad parameter is a
 * {@code 400} problem body that names it.
 */
@ApplicationTest
class ReportApiTest {

  private static final String QUERY = "?from=2031-06-01&to=2031-06-30&groupBy=tier";

  @Autowired TestRestTemplate rest;

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      anonymous | /api/reports/sla     | 401
      anonymous | /api/reports/sla.csv | 401
      anonymous | /api/reports/breaches | 401
      anonymous | /api/reports/breaches.csv | 401
      anonymous | /api/reports/csat    | 401
      anonymous | /api/reports/review  | 401
      crm       | /api/reports/sla     | 403
      crm       | /api/reports/breaches | 403
      crm       | /api/reports/csat    | 403
      crm       | /api/reports/review  | 403
      sam       | /api/reports/sla     | 403
      sam       | /api/reports/sla.csv | 403
      sam       | /api/reports/breaches | 403
      sam       | /api/reports/breaches.csv | 403
      sam       | /api/reports/csat    | 403
      sam       | /api/reports/review  | 403
      erin      | /api/reports/sla     | 403
      erin      | /api/reports/breaches | 403
      erin      | /api/reports/csat    | 403
      erin      | /api/reports/review  | 403
      sophie    | /api/reports/sla     | 200
      sophie    | /api/reports/sla.csv | 200
      demo      | /api/reports/sla     | 200""")
  void onlyTeamLeadsAndAdministratorsReadReports(String user, String path, int status) {
    TestRestTemplate caller = "anonymous".equals(user) ? rest : rest.withBasicAuth(user, user);
    String query = path.contains("breaches") ? QUERY.replace("&groupBy=tier", "") : QUERY;
    ResponseEntity<String> answer = caller.exchange(path + query, HttpMethod.GET, null, String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    if (status != 200) {
      assertThat(String.valueOf(answer.getBody())).doesNotContain("firstResponse", "ticketId", "flag");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing groupBy      | from=2031-06-01&to=2031-06-30                       | groupBy
      unknown groupBy      | from=2031-06-01&to=2031-06-30&groupBy=agent         | groupBy
      repeated groupBy     | from=2031-06-01&to=2031-06-30&groupBy=tier&groupBy=team | groupBy
      missing from         | to=2031-06-30&groupBy=tier                          | from
      blank to             | from=2031-06-01&to=&groupBy=tier                    | to
      not a date           | from=2031-06-31&to=2031-07-01&groupBy=tier          | from
      an instant           | from=2031-06-01T00:00:00Z&to=2031-07-01&groupBy=tier | from
      to before from       | from=2031-06-02&to=2031-06-01&groupBy=tier          | to
      unknown parameter    | from=2031-06-01&to=2031-06-30&groupBy=tier&zone=CET | zone""")
  void aBadParameterIsRefusedNamingIt(String reason, String query, String parameter) {
    for (String path : new String[] {"/api/reports/sla?", "/api/reports/sla.csv?", "/api/reports/csat?",
        "/api/reports/review?"}) {
      ResponseEntity<Map<String, Object>> answer = Api.get(rest, "sophie", path + query);

      assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isEqualTo(400);
      assertThat(answer.getBody()).containsEntry("parameter", parameter);
      assertThat((String) answer.getBody().get("detail")).contains(parameter);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      groupBy is not one of its parameters | from=2031-06-01&to=2031-06-30&groupBy=tier | groupBy
      missing from         | to=2031-06-30                                       | from
      not a date           | from=2031-06-31&to=2031-07-01                       | from
      to before from       | from=2031-06-02&to=2031-06-01                       | to
      repeated to          | from=2031-06-01&to=2031-06-30&to=2031-07-01         | to""")
  void theBreachListTakesThePeriodAlone(String reason, String query, String parameter) {
    for (String path : new String[] {"/api/reports/breaches?", "/api/reports/breaches.csv?"}) {
      ResponseEntity<Map<String, Object>> answer = Api.get(rest, "sophie", path + query);

      assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isEqualTo(400);
      assertThat(answer.getBody()).containsEntry("parameter", parameter);
    }
  }
}
