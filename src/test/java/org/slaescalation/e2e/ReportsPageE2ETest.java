package org.slaescalation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.ProcessEngine;
import org.slaescalation.support.TicketTimeline;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.HeadlessChromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reports page in a real (headless) Chromium: a team lead goes from the SLA board to the reports, picks a day
 * with tickets of known timelines, and sees the rows, both charts drawn (their canvases hold pixels) and the CSV of
 * the same query. The counting rules themselves are {@code report.ReportClockTest}'s.
 *
 * <p>Tickets opened through the ticket API on Monday 1 June 2020 at 09:00 UTC (a day no other test opens tickets on),
 * calendar {@code 24x7}; decision SlaPolicy gives an enterprise P2 a first response of 1 h, an enterprise P1 30 min:
 * <pre>
 * A enterprise P2  0:30 reply + resolved: first response 30 min, met
 * B enterprise P1  0:31 first response breached (ladder), 1:00 reply + resolved: first response 1 h, breached
 * C standard P1    0:55 reply + resolved: first response 55 min, met
 * </pre>
 * So tier enterprise has 2 tickets, first response 1 met and 1 breached (50 %), median 30 min and p90 1 h.
 */
@ApplicationTest
class ReportsPageE2ETest {

  static final Instant T0 = Instant.parse("2020-06-01T09:00:00Z");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine processEngine;

  @RegisterExtension
  final HeadlessChromium browser = new HeadlessChromium(1600, 1400);

  TicketTimeline timeline;

  @BeforeEach
  void startTimeline() {
    timeline = new TicketTimeline(rest, processEngine, T0);
  }

  @AfterEach
  void cancelTickets() {
    timeline.cancelAll();
  }

  @Test
  void aTeamLeadSeesTheRowsChartsAndCsvOfADayWithTickets() {
    timeline.at(0);
    String a = timeline.open("P2", "enterprise");
    String b = timeline.open("P1", "enterprise");
    String c = timeline.open("P1", "standard");
    timeline.at(30, a);
    timeline.completeWithReply(a, "resolved");
    timeline.at(31, b);
    timeline.at(55, c);
    timeline.completeWithReply(c, "resolved");
    timeline.at(60, b);
    timeline.completeWithReply(b, "resolved");
    timeline.at(5 * 60, a, b, c);

    WebDriver driver = browser.driver();
    browser.logInToPage("http://localhost:" + port + "/board", "sophie");
    browser.click(By.id("reports-link"));
    browser.await("the reports page", presenceOfElementLocated(By.cssSelector("main.reports[data-loaded='true']")));
    // The engine clock says 1 June 2020, 14:00 UTC: the form proposes the 30 days up to that day.
    assertThat(driver.findElement(By.name("from")).getDomProperty("value")).isEqualTo("2020-05-03");
    assertThat(driver.findElement(By.name("to")).getDomProperty("value")).isEqualTo("2020-06-01");

    ((JavascriptExecutor) driver).executeScript("document.querySelector('input[name=from]').value = '2020-06-01'");
    driver.findElement(By.cssSelector("form.filters button[type='submit']")).click();
    browser.await("the report of 1 June", d -> d.getCurrentUrl().contains("from=2020-06-01")
        && !d.findElements(By.cssSelector("main.reports[data-loaded='true']")).isEmpty());

    assertThat(driver.findElement(By.id("sla-status")).getText())
        .isEqualTo("3 tickets opened on Mon 1 Jun 2020 (whole days in UTC), in 2 groups.");
    WebElement enterprise = driver.findElement(By.cssSelector("#report tr[data-group='enterprise']"));
    assertThat(cells(enterprise)).startsWith("enterprise", "2", "1", "1", "50 %")
        .contains("30 min", "1 h");
    assertThat(cells(driver.findElement(By.cssSelector("#report tr[data-group='standard']"))))
        .startsWith("standard", "1", "1", "0", "100 %").contains("55 min");
    assertThat(drawnPixels(driver, "compliance-chart")).as("compliance chart drawn").isGreaterThan(1000);
    assertThat(drawnPixels(driver, "times-chart")).as("times chart drawn").isGreaterThan(1000);

    WebElement csv = driver.findElement(By.id("csv"));
    assertThat(csv.getDomProperty("href"))
        .endsWith("/reports/sla.csv?from=2020-06-01&to=2020-06-01&groupBy=tier");
    String download = (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));",
        csv.getDomProperty("href"));
    assertThat(download.lines()).first().asString().startsWith("group,tickets,");
    assertThat(download.lines()).anyMatch(line -> line.startsWith("enterprise,2,1,1,0.5,"))
        .anyMatch(line -> line.startsWith("standard,1,1,0,1.0,"));

    // Breaches: the breached ticket's row, naming it and linking to its task; no row for the tickets that met.
    WebElement breach = driver.findElement(By.cssSelector("#breaches tr[data-ticket='" + b + "']"));
    assertThat(breach.getText()).contains(b, "first-response", "UTC");
    assertThat(breach.findElements(By.cssSelector("a[href]"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#breaches tr[data-ticket='" + a + "']"))).isEmpty();
    assertThat(driver.findElement(By.id("breaches-status")).getText()).doesNotContain("unavailable");
    assertThat(driver.findElement(By.id("review-status")).getText()).isNotBlank().doesNotContain("Loading");
    browser.saveScreenshot("reports-page");

    new Select(driver.findElement(By.name("groupBy"))).selectByValue("team");
    driver.findElement(By.cssSelector("form.filters button[type='submit']")).click();
    browser.await("the report by team", d -> d.getCurrentUrl().contains("groupBy=team")
        && !d.findElements(By.cssSelector("main.reports[data-loaded='true']")).isEmpty());
    assertThat(cells(driver.findElement(By.cssSelector("#report tr[data-group='support']"))))
        .startsWith("support", "3", "2", "1");
    browser.click(By.id("what-if-link"));
    browser.await("the what-if page", presenceOfElementLocated(By.id("what-if-form")));
    // The shipped policy, uploaded through the page's form (its CSRF token included): the replay answers, no error.
    driver.findElement(By.cssSelector("#what-if-form input[name='dmn']"))
        .sendKeys(java.nio.file.Path.of("processes/sla-policy.dmn").toAbsolutePath().toString());
    for (String field : List.of("from", "to")) {
      ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2020-06-01'",
          driver.findElement(By.cssSelector("#what-if-form input[name='" + field + "']")));
    }
    driver.findElement(By.cssSelector("#what-if-form button[type='submit']")).click();
    browser.await("the replay", presenceOfElementLocated(By.id("what-if")));
    assertThat(driver.findElements(By.id("invalid"))).as("no refusal of the shipped policy").isEmpty();
    assertThat(driver.findElements(By.cssSelector("#what-if tbody tr"))).as("a row per group").isNotEmpty();
    browser.click(By.id("reports-link"));
    browser.await("the reports page again",
        presenceOfElementLocated(By.cssSelector("main.reports[data-loaded='true']")));
    browser.click(By.id("board-link"));
    browser.await("back on the board", d -> d.getCurrentUrl().endsWith("/board"));
  }

  /** What an engineer sees who follows a link to the reports or the what-if: who may open them, and a way on. */
  @Test
  void anAgentWhoOpensTheReportsOrTheWhatIfIsToldWhoMayAndWhereToGo() {
    WebDriver driver = browser.driver();
    browser.logInToPage("http://localhost:" + port + "/reports", "erin");
    for (String page : new String[] {"/reports", "/reports/what-if"}) {
      driver.get("http://localhost:" + port + page);
      browser.await("the refusal of " + page, d -> d.findElement(By.tagName("h1")).getText().equals("403 Forbidden"));
      assertThat(driver.findElement(By.tagName("body")).getText()).as(page)
          .contains("You are logged in as erin.", "The SLA reports and the what-if are for team leads and "
              + "administrators.", "Tasklist")
          .doesNotContain("enterprise", "Compliance");
      assertThat(driver.findElements(By.tagName("canvas"))).as(page).isEmpty();
    }
    browser.saveScreenshot("reports-refuse-engineer");
  }

  @Test
  void aDayWithoutTicketsSaysSoAndDrawsNoChart() {
    WebDriver driver = browser.driver();
    browser.logInToPage("http://localhost:" + port + "/reports?from=2020-06-07&to=2020-06-07&groupBy=priority", "sophie");
    browser.await("the reports page", presenceOfElementLocated(By.cssSelector("main.reports[data-loaded='true']")));

    assertThat(driver.findElement(By.id("sla-status")).getText())
        .isEqualTo("No tickets were opened on Sun 7 Jun 2020 (whole days in UTC): nothing to report.");
    assertThat(driver.findElement(By.id("charts")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("report")).isDisplayed()).isFalse();
    // Still logged in after the page's requests: the next report opens without a login.
    driver.get("http://localhost:" + port + "/reports?from=2020-06-07&to=2020-06-07&groupBy=tier");
    browser.await("the report by tier", presenceOfElementLocated(By.cssSelector("main.reports[data-loaded='true']")));
    assertThat(driver.getCurrentUrl()).endsWith("groupBy=tier");
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
  }

  /** How many pixels of the canvas are not transparent: a chart that was drawn has its bars, axes and labels. */
  private static long drawnPixels(WebDriver driver, String canvasId) {
    return (Long) ((JavascriptExecutor) driver).executeScript(
        "const canvas = document.getElementById(arguments[0]);"
            + "const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
            + "let drawn = 0; for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) drawn++; }"
            + "return drawn;", canvasId);
  }

}
