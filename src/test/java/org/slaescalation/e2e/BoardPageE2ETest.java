package org.slaescalation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.HeadlessChromium;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SLA board in a real (headless) Chromium: a team lead logs in, sees the row of a ticket at triage with its
 * clocks and a link to its task in Tasklist, and narrows the board with the filter form. The numbers themselves are
 * {@code board.BoardClockTest}'s. Needs Debian's {@code chromium} and {@code chromium-driver}, as the other browser
 * tests.
 */
@ApplicationTest
class BoardPageE2ETest {

  @LocalServerPort int port;
  @Autowired TicketService tickets;
  @Autowired ProcessEngine engine;

  @RegisterExtension
  final HeadlessChromium browser = new HeadlessChromium(1600, 1000);

  @Test
  void aTeamLeadSeesTheRowOfATicketAtTriageLinkedToItsTaskAndFiltersTheBoard() {
    Task triage = OpenTickets.atTriage(tickets, engine);
    String ticketId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(triage.getProcessInstanceId()).singleResult().getBusinessKey();
    WebDriver driver = browser.driver();

    browser.logInToPage("http://localhost:" + port + "/board", "sophie");
    By row = By.cssSelector("#board tr[data-ticket='" + ticketId + "']");
    WebElement shown = browser.await("the ticket's row", presenceOfElementLocated(row));

    assertThat(shown.getText()).contains(ticketId, "Checkout fails", "ACME", "standard", "P3", "support",
        "first-response", "resolution", "ola-support", "left", "UTC");
    assertThat(shown.findElement(By.cssSelector("a")).getDomProperty("href"))
        .endsWith("/camunda/app/tasklist/default/#/?task=" + triage.getId());
    browser.saveScreenshot("board-page");

    new Select(driver.findElement(By.name("team"))).selectByValue("engineering");
    driver.findElement(By.cssSelector("form.filters button[type='submit']")).click();
    browser.await("the board of the engineering team", d -> d.getCurrentUrl().contains("team=engineering"));
    assertThat(driver.findElements(row)).as("the ticket is with support").isEmpty();
    assertThat(new Select(driver.findElement(By.name("team"))).getFirstSelectedOption().getText())
        .isEqualTo("engineering");
  }
}
