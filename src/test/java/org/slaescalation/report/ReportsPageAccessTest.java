package org.slaescalation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who opens the reports page and the reports it reads through the webapps' session, over real HTTP: the attacks
 * first (an engineering agent, the integration, an anonymous caller), then team leads and administrators, who get the
 * same answers as {@code /api/reports/**} gives them with HTTP Basic, because the page's endpoints forward there.
 */
@ApplicationTest
class ReportsPageAccessTest {

  private static final String QUERY = "?from=2020-06-01&to=2020-06-30&groupBy=tier";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      erin | /reports
      erin | /reports/api/sla
      erin | /reports/api/breaches
      erin | /reports/sla.csv
      sam  | /reports
      crm  | /reports
      crm  | /reports/api/sla
      crm  | /reports/sla.csv""")
  void agentsAndTheIntegrationAreForbiddenThePageAndWhatItReads(String user, String path) {
    WebSession.Response refused = WebSession.pages(port, user).get(path + QUERY);

    assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.body()).doesNotContain("firstResponse").doesNotContain("compliance-chart");
  }

  @Test
  void anAnonymousCallerIsSentToTheLoginAndItsScriptGetsAProblemNotALoginPage() {
    for (String path : new String[] {"/reports", "/reports/sla.csv"}) {
      WebSession.Response page = WebSession.anonymous(port).get(path + QUERY);
      assertThat(page.status()).as(path).isEqualTo(302);
      assertThat(page.header("Location")).as(path).endsWith("/login");
    }
    WebSession.Response api = WebSession.anonymous(port).get("/reports/api/sla" + QUERY);
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.header("WWW-Authenticate")).as("a browser must not learn Basic credentials").isNull();
    assertThat(api.body()).doesNotContain("firstResponse");
  }

  @Test
  void teamLeadsAndAdministratorsGetWhatTheApiAnswersThemWithBasic() {
    for (String user : new String[] {"sophie", "demo"}) {
      WebSession session = WebSession.pages(port, user);
      WebSession.Response page = session.get("/reports" + QUERY);
      assertThat(page.status()).as(user).isEqualTo(200);
      assertThat(page.body()).contains("compliance-chart", "times-chart", "/reports/assets/reports.js",
          "href=\"/reports/sla.csv?from=2020-06-01&amp;to=2020-06-30&amp;groupBy=tier\"", "href=\"/board\"");
      for (String report : new String[] {"sla", "breaches", "review", "sla.csv"}) {
        String query = "sla.csv".equals(report) || "sla".equals(report) ? QUERY : "?from=2020-06-01&to=2020-06-30";
        String pagePath = "sla.csv".equals(report) ? "/reports/sla.csv" : "/reports/api/" + report;
        WebSession.Response viaPage = session.get(pagePath + query);
        ResponseEntity<String> viaApi = rest.withBasicAuth(user, user)
            .exchange("/api/reports/" + report + query, HttpMethod.GET, null, String.class);
        assertThat(viaPage.status()).as(user + " " + report).isEqualTo(viaApi.getStatusCode().value());
        if (viaApi.getStatusCode().is2xxSuccessful()) {
          assertThat(viaPage.body()).as(user + " " + report).isEqualTo(viaApi.getBody());
          assertThat(MediaType.parseMediaType(viaPage.header("Content-Type")))
              .matches(type -> type.equalsTypeAndSubtype(viaApi.getHeaders().getContentType()), "the API's type");
        }
      }
      assertThat(session.get("/reports/sla.csv" + QUERY).header("Content-Disposition"))
          .contains("sla-tier-2020-06-01-2020-06-30.csv");
    }
    assertThat(WebSession.pages(port, "sophie").get("/reports/api/staffing" + QUERY).status())
        .as("only the report endpoints are forwarded").isEqualTo(404);
  }

  @Test
  void theBoardLinksTheReportsForLeadsOnly() {
    assertThat(WebSession.pages(port, "sophie").get("/board").body()).contains("href=\"/reports\"");
    assertThat(WebSession.pages(port, "erin").get("/board").body()).doesNotContain("href=\"/reports\"");
  }

  @Test
  void anEmptyFormAsksForTheLastThirtyDaysInTheReportingZoneGroupedByTier() {
    // 2020-06-30 23:30 in UTC (escalation.reports.zone in the tests): the period is 1 to 30 June, both included.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2020-06-30T23:30:00Z")));
    WebSession.Response page = WebSession.pages(port, "sophie").get("/reports?from=&to=&groupBy=");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"from\" value=\"2020-06-01\"", "name=\"to\" value=\"2020-06-30\"",
        "data-from=\"2020-06-01\"", "data-to=\"2020-06-30\"", "data-group-by=\"tier\"", "data-zone=\"UTC\"",
        "<option value=\"tier\" selected=\"selected\">");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown groupBy | from=2020-06-01&to=2020-06-30&groupBy=agent | groupBy
      not a date      | from=2020-06-31&to=2020-07-01&groupBy=tier  | from
      to before from  | from=2020-06-02&to=2020-06-01&groupBy=tier  | to
      unknown field   | from=2020-06-01&zone=CET                    | zone""")
  void aBadFieldIsA400PageNamingItAndAProblemForTheScript(String reason, String query, String parameter) {
    WebSession session = WebSession.pages(port, "sophie");
    WebSession.Response page = session.get("/reports?" + query);

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("&#39;" + parameter + "&#39;").doesNotContain("reports.js");
    if (query.contains("groupBy")) {
      WebSession.Response api = session.get("/reports/api/sla?" + query);
      assertThat(api.status()).isEqualTo(400);
      assertThat(api.json()).containsEntry("parameter", parameter);
    }
  }
}
