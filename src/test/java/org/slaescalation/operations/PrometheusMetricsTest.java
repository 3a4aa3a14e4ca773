package org.slaescalation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.authorization.Roles;
import org.slaescalation.ladder.EscalationOutbox;
import org.slaescalation.notification.CapturedMails;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.Scrape;
import org.slaescalation.support.SurveyMails;
import org.slaescalation.support.TestUsers;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.NewTicket;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * What {@code /actuator/prometheus} shows of tickets with known timelines, scraped as a scraper's account over HTTP:
 * the engine clock is set by the test and the jobs run by it (the job executor is off). Each test compares with a
 * scrape taken before it, so tickets other tests left open do not matter.
 *
 * <p>An enterprise P1 incident (decision SlaPolicy: first response 30 minutes, resolution 4 hours, internal target
 * 75 %, calendar 24x7; OlaBudget: support 30 minutes on 24x7): at 22.5 minutes the first response's internal target
 * and warning and the support OLA's warning fall due, at 27 minutes the first response's critical rung, at 30 minutes
 * both breach.
 */
@ApplicationTest
class PrometheusMetricsTest {

  private static final String PASSWORD = "scrape-secret-2";
  private static final String OPEN = "escalation_clocks_open";
  private static final String BREACHES = "escalation_breaches_total";
  private static final String SENT = "escalation_sent_total";
  private static final String LAG = "escalation_lag_seconds";
  private static final String CSAT = "escalation_csat_answers_total";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired TicketService tickets;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService taskService;
  @Autowired EscalationOutbox outbox;
  @Autowired ProcessEngine engine;
  @Autowired CapturedMails mails;
  @LocalServerPort int port;

  private String scraper;
  private Instant opened;

  @BeforeEach
  void aScraperAndAFixedClock() {
    scraper = TestUsers.create(identityService, "scraper", PASSWORD, Roles.METRICS);
    opened = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(opened));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void aLadderClimbedToTheBreachIsCountedByClockTierAndRungWithItsLag() {
    Scrape before = scrape();
    String ticket = openEnterpriseIncident();
    runJobs(ticket);

    Scrape running = scrape();
    assertThat(running.since(before, open("first-response", "running"))).isEqualTo(1);
    assertThat(running.since(before, open("resolution", "running"))).isEqualTo(1);
    assertThat(running.since(before, open("ola-support", "running"))).isEqualTo(1);

    // Each rung's timer runs 3 s after its due instant, and its mails go at once: every mail is 3 s late.
    for (Duration rung : List.of(Duration.ofSeconds(1350), Duration.ofMinutes(27), Duration.ofMinutes(30))) {
      ClockUtil.setCurrentTime(Date.from(opened.plus(rung).plusSeconds(3)));
      runJobs(ticket);
    }

    Scrape after = scrape();
    assertThat(after.since(before, breaches("first-response", "enterprise"))).isEqualTo(1);
    assertThat(after.since(before, breaches("ola-support", "enterprise"))).isEqualTo(1);
    assertThat(after.since(before, breaches("resolution", "enterprise"))).isZero();
    assertThat(after.since(before, open("first-response", "breached"))).isEqualTo(1);
    assertThat(after.since(before, open("first-response", "running"))).isZero();
    assertThat(after.since(before, open("ola-support", "breached"))).isEqualTo(1);
    assertThat(after.since(before, open("resolution", "running"))).isEqualTo(1);
    for (String rung : List.of("internal", "warning", "critical", "breach")) {
      assertThat(after.since(before, sent("first-response", rung))).as(rung).isEqualTo(1);
    }
    assertThat(after.since(before, sent("ola-support", "warning"))).isEqualTo(1);
    assertThat(after.since(before, sent("ola-support", "breach"))).isEqualTo(1);
    assertThat(after.since(before, sent("resolution", "warning"))).isZero();

    List<EscalationOutbox.Entry> mails = outbox.entries(TicketId.number(ticket).orElseThrow());
    assertThat(mails).isNotEmpty().allSatisfy(mail -> assertThat(mail.state()).isEqualTo(EscalationOutbox.State.SENT));
    assertThat(after.since(before, LAG + "_count")).isEqualTo(mails.size());
    assertThat(after.since(before, LAG + "_sum")).isEqualTo(3.0 * mails.size());
    assertThat(after.since(before, LAG + "_bucket{le=\"1.0\"}")).isZero();
    assertThat(after.since(before, LAG + "_bucket{le=\"5.0\"}")).isEqualTo(mails.size());
    assertThat(after.since(before, LAG + "_bucket{le=\"300.0\"}")).isEqualTo(mails.size());
  }

  @Test
  void aTicketWaitingOnTheCustomerCountsItsResolutionAndSupportOlaAsPaused() {
    Scrape before = scrape();
    String ticket = openEnterpriseIncident();
    runJobs(ticket);

    ClockUtil.setCurrentTime(Date.from(opened.plus(Duration.ofMinutes(10))));
    taskService.complete(task(ticket).getId(), Map.of("outcome", "waiting-on-customer",
        "customerReply", "Which browser do you use?"));
    runJobs(ticket);

    Scrape after = scrape();
    assertThat(after.since(before, open("resolution", "paused"))).isEqualTo(1);
    assertThat(after.since(before, open("resolution", "running"))).isZero();
    assertThat(after.since(before, open("ola-support", "paused"))).isEqualTo(1);
    assertThat(after.since(before, open("first-response", "running"))).as("met by the reply that was sent").isZero();
    assertThat(after.since(before, open("first-response", "breached"))).isZero();
  }

  @Test
  void anAgentWhoCompletesTheirTaskLateBreachesTheOlaBeforeItsTimerRan() {
    Scrape before = scrape();
    String ticket = openEnterpriseIncident();
    runJobs(ticket);

    // Past the support OLA's breach instant; its timer has not run (the job executor is busy, or the agent quick).
    ClockUtil.setCurrentTime(Date.from(opened.plus(Duration.ofMinutes(31))));
    identityService.setAuthentication("sam", List.of("support"));
    taskService.complete(task(ticket).getId(), Map.of("outcome", "handoff-engineering"));
    identityService.clearAuthentication();

    Scrape after = scrape();
    assertThat(after.since(before, breaches("ola-support", "enterprise"))).isEqualTo(1);
    assertThat(after.since(before, breaches("first-response", "enterprise"))).as("its timer has not run").isZero();
    assertThat(after.since(before, open("ola-support", "breached"))).as("stopped").isZero();
    assertThat(after.since(before, open("ola-engineering", "running"))).isEqualTo(1);
  }

  /**
   * Three closed tickets whose customers answer the survey from its mail, on the survey page over HTTP: 5, 5 and 2.
   * A second submit of one link records nothing and counts nothing; the scores no one gave stay where they were.
   */
  @Test
  void surveyAnswersAreCountedByScore_aSecondSubmitOfALinkIsNot() {
    Scrape before = scrape();

    survey().answer("5");
    Survey second = survey();
    second.answer("5");
    survey().answer("2");
    assertThat(second.submit("1").status()).as("the first answer stands").isEqualTo(409);

    Scrape after = scrape();
    assertThat(after.since(before, csat(5))).isEqualTo(2);
    assertThat(after.since(before, csat(2))).isEqualTo(1);
    for (int score : new int[] {1, 3, 4}) {
      assertThat(after.since(before, csat(score))).as("score " + score).isZero();
    }
    assertThat(scrape().since(after, csat(5))).as("a scrape again, nothing new").isZero();
  }

  /** A customer on the survey page of a ticket just closed, opened from the link of its mail. */
  private record Survey(WebSession customer, String path, WebSession.Response form) {

    void answer(String rating) {
      assertThat(submit(rating).status()).isEqualTo(200);
    }

    WebSession.Response submit(String rating) {
      String csrf = URLEncoder.encode(WebSession.csrfToken(form), StandardCharsets.UTF_8);
      return customer.send("POST", path, "rating=" + rating + "&comment=&_csrf=" + csrf,
          "application/x-www-form-urlencoded");
    }
  }

  private Survey survey() {
    String ticket = tickets.open(OpenTickets.ticket("P3", "question")).id();
    SurveyMails.close(engine, ticket);
    String path = URI.create(SurveyMails.links(engine, mails, ticket).get(0)).getPath();
    WebSession customer = WebSession.anonymous(port);
    WebSession.Response form = customer.get(path);
    assertThat(form.status()).isEqualTo(200);
    return new Survey(customer, path, form);
  }

  private String openEnterpriseIncident() {
    return tickets.open(new NewTicket(null, "Checkout fails", "HTTP 500 on every order", "P1", "incident",
        new NewTicket.Customer("metrics-" + System.nanoTime(), "Metrics Corp", "ops@metrics.example", "enterprise",
            "Europe/Amsterdam"))).id();
  }

  /** Runs every due job of the ticket and of its mail instances (escalation and reply mails), as the executor would. */
  private void runJobs(String ticket) {
    for (int round = 0; round < 5; round++) {
      List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticket).list();
      instances.forEach(instance -> Api.executeJobs(management, instance.getId()));
    }
  }

  private Task task(String ticket) {
    return taskService.createTaskQuery().processDefinitionKey(TicketProcess.PROCESS_KEY)
        .processInstanceBusinessKey(ticket).singleResult();
  }

  private Scrape scrape() {
    ResponseEntity<String> page = rest.withBasicAuth(scraper, PASSWORD).getForEntity("/actuator/prometheus",
        String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return Scrape.of(page.getBody());
  }

  private static String open(String clock, String state) {
    return OPEN + "{clock=\"" + clock + "\",state=\"" + state + "\"}";
  }

  private static String csat(int score) {
    return CSAT + "{score=\"" + score + "\"}";
  }

  private static String breaches(String clock, String tier) {
    return BREACHES + "{clock=\"" + clock + "\",tier=\"" + tier + "\"}";
  }

  private static String sent(String clock, String rung) {
    return SENT + "{clock=\"" + clock + "\",rung=\"" + rung + "\"}";
  }
}
