package org.slaescalation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may replay an edited policy, through the real security filter chains, and every refusal of an upload: a
 * {@code 400} problem body that names the problem (or {@code 413} over 1 MB, {@code 415} for another content type),
 * never a {@code 500}. Uses a period without tickets (2031-06): what is tested is the door, not the numbers.
 */
@ApplicationTest
class WhatIfApiTest {

  static final String PATH = "/api/reports/what-if?from=2031-06-01&to=2031-06-30&groupBy=tier";
  static final String BOUNDARY = "what-if-boundary";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      anonymous | 401
      crm       | 403
      sam       | 403
      erin      | 403
      sophie    | 200
      demo      | 200""")
  void onlyTeamLeadsAndAdministratorsReplayAPolicy(String user, int status) {
    WebSession.Response answer = post(user, PATH, Policies.shipped().getBytes(StandardCharsets.UTF_8),
        "application/xml", Map.of());

    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    if (status == 200) {
      assertThat(answer.jsonList()).isEmpty();
    } else {
      assertThat(answer.body()).doesNotContain("whatIf");
    }
  }

  @Test
  void aBrowserSessionWithoutCsrfTokenCannotReplay_andTheApiIgnoresTheSessionCookie() {
    WebSession browser = WebSession.pages(port, "sophie");
    assertThat(browser.loginStatus()).isEqualTo(302);
    byte[] form = multipart(Policies.shipped(), Map.of("from", "2031-06-01", "to", "2031-06-30", "groupBy", "tier"));

    // A page of another site posting the form with the lead's cookie: no token, refused before anything is read.
    WebSession.Response forged = browser.send("POST", "/reports/what-if", form, multipartType(), Map.of());
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).doesNotContain("<table");
    // The API is HTTP Basic only: the session cookie is no login there.
    WebSession.Response api = browser.send("POST", PATH, Policies.shipped().getBytes(StandardCharsets.UTF_8),
        "application/xml", Map.of());
    assertThat(api.status()).isEqualTo(401);
    // Basic credentials a browser resends for a page of another origin are refused too.
    WebSession.Response crossSite = post("sophie", PATH, Policies.shipped().getBytes(StandardCharsets.UTF_8),
        "application/xml", Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
    assertThat(crossSite.status()).isEqualTo(403);
  }

  @Test
  void thePageReplaysWithItsCsrfToken_andAgentsDoNotGetThePage() {
    WebSession lead = WebSession.pages(port, "sophie");
    WebSession.Response page = lead.get("/reports/what-if");
    assertThat(page.status()).isEqualTo(200);
    Matcher action = Pattern.compile("id=\"what-if-form\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*"
        + "id=\"what-if-form\"").matcher(page.body());
    assertThat(action.find()).as(page.body()).isTrue();
    String to = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");

    WebSession.Response answer = lead.send("POST", to, multipart(Policies.shipped(),
        Map.of("from", "2031-06-01", "to", "2031-06-30", "groupBy", "priority")), multipartType(), Map.of());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("No closed ticket was opened in the period.");
    WebSession.Response invalid = lead.send("POST", to, multipart("<definitions/>",
        Map.of("from", "2031-06-01", "to", "2031-06-30", "groupBy", "priority")), multipartType(), Map.of());
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("id=\"invalid\"");

    assertThat(WebSession.pages(port, "sam").get("/reports/what-if").status()).isEqualTo(403);
    assertThat(WebSession.anonymous(port).get("/reports/what-if").status()).isEqualTo(302);
  }

  @Test
  void theDmnMayComeAsMultipartFieldDmn() {
    WebSession.Response answer = post("sophie", PATH, multipart(Policies.shipped(), Map.of()), multipartType(),
        Map.of());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);

    WebSession.Response without = post("sophie", PATH, multipart(null, Map.of("file", "x")), multipartType(),
        Map.of());
    assertThat(without.status()).isEqualTo(400);
    assertThat((String) without.json().get("detail")).contains("multipart field 'dmn'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not XML               | NOT_XML         | Not a DMN model
      a BPMN model          | BPMN            | Not a DMN model
      no decision SlaPolicy | OTHER_DECISION  | no decision 'SlaPolicy' (it has: OlaBudgetRenamed)
      an output missing     | NO_CALENDAR     | lacks the output calendar
      no duration           | NO_DURATION     | '4 hours' in rule Rule_SlaPolicy_12
      unknown calendar      | MARS_CALENDAR   | 'mars' in rule Rule_SlaPolicy_12: not a configured calendar
      a JUEL expression     | JUEL            | Expression language 'juel'
      a document type       | DOCTYPE         | document type declaration
      an empty body         | EMPTY           | The request has no DMN""")
  void anUploadThatCannotBeReplayedIsRefusedNamingTheProblem(String reason, String upload, String named) {
    List<DecisionDefinition> before = repositoryService.createDecisionDefinitionQuery().list();
    WebSession.Response answer = post("sophie", PATH, body(upload), "application/xml", Map.of());

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("title", "Invalid SLA policy").containsEntry("parameter", "dmn");
    assertThat((String) answer.json().get("detail")).contains(named);
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(before.size());
  }

  @Test
  void aBodyOverOneMegabyteIsRefusedNamingTheLimit_andOtherContentTypesAre415() {
    String padded = Policies.shipped().replace("<decision ", "<!--" + "x".repeat(1024 * 1024) + "--><decision ");
    WebSession.Response large = post("sophie", PATH, padded.getBytes(StandardCharsets.UTF_8), "application/xml",
        Map.of());
    assertThat(large.status()).isEqualTo(413);
    assertThat(large.json()).containsEntry("maxBytes", 1048576);

    WebSession.Response json = post("sophie", PATH, "{}".getBytes(StandardCharsets.UTF_8), "application/json",
        Map.of());
    assertThat(json.status()).isEqualTo(415);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing groupBy   | from=2031-06-01&to=2031-06-30                        | groupBy
      unknown groupBy   | from=2031-06-01&to=2031-06-30&groupBy=agent          | groupBy
      not a date        | from=2031-06-31&to=2031-07-01&groupBy=tier           | from
      to before from    | from=2031-06-02&to=2031-06-01&groupBy=tier           | to
      unknown parameter | from=2031-06-01&to=2031-06-30&groupBy=tier&zone=CET  | zone""")
  void aBadPeriodOrGroupingIsRefusedNamingTheParameter(String reason, String query, String parameter) {
    WebSession.Response answer = post("sophie", "/api/reports/what-if?" + query,
        Policies.shipped().getBytes(StandardCharsets.UTF_8), "text/xml", Map.of());

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("parameter", parameter);
  }

  /** The uploads the refusal test names, each one edit away from the shipped policy. */
  static byte[] body(String upload) {
    String shipped = Policies.shipped();
    String dmn = switch (upload) {
      case "NOT_XML" -> "SlaPolicy: enterprise P1 within 30 minutes";
      case "BPMN" -> "<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/"
          + "MODEL\" id=\"d\" targetNamespace=\"x\"><bpmn:process id=\"p\" isExecutable=\"true\"/>"
          + "</bpmn:definitions>";
      case "OTHER_DECISION" -> shipped.replace("decision id=\"SlaPolicy\"", "decision id=\"OlaBudgetRenamed\"")
          .replace("dmnElementRef=\"SlaPolicy\"", "dmnElementRef=\"OlaBudgetRenamed\"");
      case "NO_CALENDAR" -> shipped.replace("name=\"calendar\"", "name=\"zone\"");
      case "NO_DURATION" -> Policies.withEntry(shipped, "OutputEntry_SlaPolicy_12_FirstResponse", "\"4 hours\"");
      case "MARS_CALENDAR" -> Policies.withEntry(shipped, "OutputEntry_SlaPolicy_12_Calendar", "\"mars\"");
      case "JUEL" -> shipped.replace("<outputEntry id=\"OutputEntry_SlaPolicy_12_FirstResponse\">",
          "<outputEntry id=\"OutputEntry_SlaPolicy_12_FirstResponse\" expressionLanguage=\"juel\">")
          .replace(">\"PT4H\"</text></outputEntry>\n        <outputEntry id=\"OutputEntry_SlaPolicy_12_Resolution",
              ">${\"\".getClass().forName(\"java.lang.Runtime\")}</text></outputEntry>\n"
                  + "        <outputEntry id=\"OutputEntry_SlaPolicy_12_Resolution");
      case "DOCTYPE" -> shipped.replace("<definitions ", "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
          + "<definitions ");
      case "EMPTY" -> "";
      default -> throw new IllegalArgumentException(upload);
    };
    return dmn.getBytes(StandardCharsets.UTF_8);
  }

  WebSession.Response post(String user, String path, byte[] body, String type, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    if (!"anonymous".equals(user)) {
      all.put("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return WebSession.anonymous(port).send("POST", path, body, type, all);
  }

  static String multipartType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  /** A form as a browser sends it: the DMN as file field {@code dmn} (none when null), then the text fields. */
  static byte[] multipart(String dmn, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    if (dmn != null) {
      body.append("--").append(BOUNDARY).append("\r\n")
          .append("Content-Disposition: form-data; name=\"dmn\"; filename=\"sla-policy.dmn\"\r\n")
          .append("Content-Type: application/octet-stream\r\n\r\n").append(dmn).append("\r\n");
    }
    fields.forEach((name, value) -> body.append("--").append(BOUNDARY).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value)
        .append("\r\n"));
    body.append("--").append(BOUNDARY).append("--\r\n");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }
}
