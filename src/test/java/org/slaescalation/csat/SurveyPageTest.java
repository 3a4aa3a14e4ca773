package org.slaescalation.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.OpenTickets;
import org.slaescalation.support.WebSession;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The survey page over real HTTP, without a login: the link records the first answer and shows it ever after; a
 * changed ticket id, a changed expiry, a changed signature, an expired link, a bad rating and a form without its
 * CSRF token each record nothing.
 */
@ApplicationTest
class SurveyPageTest {

  @LocalServerPort int port;
  @Autowired TicketService tickets;
  @Autowired Surveys surveys;
  @Autowired JdbcClient jdbc;

  String ticketId;
  String path;
  WebSession customer;

  @BeforeEach
  void aClosedTicketsSurveyLink() {
    ticketId = tickets.open(OpenTickets.ticket("P3", "question")).id();
    path = URI.create(surveys.invite(ticketId).orElseThrow().url()).getPath();
    customer = WebSession.anonymous(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theLinkRecordsTheFirstAnswer_aSecondSubmitAndAVisitShowIt_andNoMoreSurveyIsOffered() {
    WebSession.Response form = customer.get(path);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains(ticketId, "name=\"rating\"", "name=\"comment\"");

    WebSession.Response first = submit(form, "4", "Quick & friendly");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).contains("Your answer is recorded", "4 of 5", "Quick &amp; friendly");

    WebSession.Response second = submit(form, "1", "Changed my mind");
    assertThat(second.status()).as("nothing recorded: the first answer stands").isEqualTo(409);
    assertThat(second.body()).contains("the first answer counts", "4 of 5").doesNotContain("Changed my mind");
    assertThat(customer.get(path).body()).contains("4 of 5", "Quick &amp; friendly").doesNotContain("<form");
    assertThat(answers()).isEqualTo("4:Quick & friendly");
    assertThat(surveys.invite(ticketId)).as("a later close asks no more").isEmpty();
  }

  @Test
  void aChangedTicketIdExpiryOrSignatureIsRefusedWith400AndRecordsNothing() {
    WebSession.Response form = customer.get(path);
    String token = path.substring("/csat/".length());
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.US_ASCII);
    long number = TicketId.number(ticketId).orElseThrow();
    long expiry = Long.parseLong(payload.substring(payload.indexOf('.') + 1));
    String otherTicket = encode("T-" + (number + 1) + "." + expiry) + "." + parts[1];
    String laterExpiry = encode(ticketId + "." + (expiry + 86_400)) + "." + parts[1];
    String otherSignature = parts[0] + "." + (parts[1].startsWith("A") ? "B" : "A") + parts[1].substring(1);

    for (String tampered : new String[] {otherTicket, laterExpiry, otherSignature, token + "x"}) {
      WebSession.Response page = customer.get("/csat/" + tampered);
      assertThat(page.status()).as(tampered).isEqualTo(400);
      assertThat(page.body()).contains("This is not a survey link we sent", "Nothing was recorded")
          .doesNotContain("Exception", "<form");
      assertThat(post("/csat/" + tampered, WebSession.csrfToken(form), "5", "forged").status()).isEqualTo(400);
    }
    assertThat(answers()).isEmpty();
  }

  @Test
  void anExpiredLinkExplainsItselfWith410AndRecordsNothing() {
    WebSession.Response form = customer.get(path);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofDays(14)).plusSeconds(1)));

    WebSession.Response page = customer.get(path);
    assertThat(page.status()).isEqualTo(410);
    assertThat(page.body()).contains("has expired", ticketId, "Nothing was recorded").doesNotContain("<form");
    assertThat(submit(form, "5", "late").status()).isEqualTo(410);
    assertThat(answers()).isEmpty();
  }

  @Test
  void aBadRatingAnOverlongCommentOrAMissingCsrfTokenRecordsNothing() {
    WebSession.Response form = customer.get(path);

    WebSession.Response noRating = submit(form, "", "no rating");
    assertThat(noRating.status()).isEqualTo(400);
    assertThat(noRating.body()).contains("Choose a rating from 1", "no rating");
    assertThat(submit(form, "6", "").status()).isEqualTo(400);
    WebSession.Response overlong = submit(form, "3", "x".repeat(2001));
    assertThat(overlong.status()).isEqualTo(400);
    assertThat(overlong.body()).contains("The comment has 2001 characters; at most 2000");
    assertThat(post(path, "not-the-token", "5", "").status()).as("CSRF protection").isEqualTo(403);
    assertThat(answers()).isEmpty();

    assertThat(submit(form, "3", "x".repeat(2000)).status()).as("2000 fit").isEqualTo(200);
  }

  private WebSession.Response submit(WebSession.Response form, String rating, String comment) {
    return post(path, WebSession.csrfToken(form), rating, comment);
  }

  private WebSession.Response post(String to, String csrf, String rating, String comment) {
    return customer.send("POST", to, "rating=" + url(rating) + "&comment=" + url(comment) + "&_csrf=" + url(csrf),
        "application/x-www-form-urlencoded");
  }

  private String answers() {
    return String.join(",", jdbc.sql("select rating || ':' || coalesce(comment, '') from csat_answer"
            + " where ticket_number = :number")
        .param("number", TicketId.number(ticketId).orElseThrow()).query(String.class).list());
  }

  private static String encode(String payload) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
  }

  private static String url(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
