package org.slaescalation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.slaescalation.notification.CapturedMails;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.HeadlessChromium;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.SurveyMails;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The satisfaction survey in a real (headless) Chromium: the customer opens the link of the mail a closed ticket
 * sent, answers once, sees that answer on a second visit instead of the form, and a link changed by one character
 * is refused. The attacks one by one are {@code csat.SurveyPageTest}'s and {@code csat.SurveyLinksTest}'s.
 */
@ApplicationTest
class SurveyPageE2ETest {

  @Autowired TicketService tickets;
  @Autowired ProcessEngine engine;
  @Autowired CapturedMails mails;

  @RegisterExtension
  final HeadlessChromium browser = new HeadlessChromium(1000, 900);

  @Test
  void theLinkFromTheMailWorksOnceAndOnlyOnce_andATamperedLinkIsRefused() {
    String ticketId = tickets.open(OpenTickets.ticket("P3", "question")).id();
    SurveyMails.close(engine, ticketId);
    String link = SurveyMails.links(engine, mails, ticketId).get(0);
    WebDriver driver = browser.driver();

    driver.get(link);
    browser.await("the survey form", presenceOfElementLocated(By.cssSelector("input[name='rating'][value='4']")))
        .click();
    driver.findElement(By.id("comment")).sendKeys("Solved within the hour");
    browser.saveScreenshot("survey-page");
    driver.findElement(By.cssSelector("form.survey button[type='submit']")).click();
    browser.await("the answer recorded", textToBePresentInElementLocated(By.tagName("body"),
        "Your answer is recorded"));

    driver.get(link);
    browser.await("the first answer", textToBePresentInElementLocated(By.id("rating"), "4 of 5"));
    assertThat(driver.findElement(By.id("comment")).getText()).isEqualTo("Solved within the hour");
    assertThat(driver.findElements(By.tagName("form"))).as("no second answer").isEmpty();

    char last = link.charAt(link.length() - 1);
    driver.get(link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A'));
    browser.await("the refusal", textToBePresentInElementLocated(By.id("reason"),
        "This is not a survey link we sent"));
    assertThat(driver.findElements(By.tagName("form"))).isEmpty();
  }
}
