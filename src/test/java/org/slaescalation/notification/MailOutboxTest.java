package org.slaescalation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.slaescalation.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/** Without a mail server, the acknowledgement lands on the mail outbox page. */
@ApplicationTest
class MailOutboxTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired CapturedMails capturedMails;
  @LocalServerPort int port;

  @Test
  void theAcknowledgementIsCapturedAndShownOnTheOutboxPage() {
    ResponseEntity<Map<String, Object>> created = Api.post(rest, "crm", "/api/tickets", Api.ticketJson(null, "P3", "standard")
        .replace("Checkout fails", "Checkout <b>fails</b>"));
    String id = (String) created.getBody().get("id");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();

    Api.executeJobs(managementService, instance);

    CapturedMails.CapturedMail mail = capturedMails.latest(50).stream()
        .filter(m -> m.headers().contains("X-Ticket-Id: " + id)).findFirst().orElseThrow();
    assertThat(mail.recipients()).isEqualTo("ops@acme.example");
    assertThat(mail.messageId()).isEqualTo("<ack." + id + "@sla-escalation.local>");
    assertThat(mail.htmlBody()).contains("Checkout &lt;b&gt;fails&lt;/b&gt;").doesNotContain("<b>fails");
    assertThat(mail.textBody()).contains("Checkout <b>fails</b>").contains(id);

    WebSession administrator = WebSession.pages(port, "demo");
    WebSession.Response page = administrator.get("/mail-outbox");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("[" + id + "] We received your request: Checkout &lt;b&gt;fails&lt;/b&gt;");
    WebSession.Response detail = administrator.get("/mail-outbox/" + mail.id());
    assertThat(detail.body()).contains("sandbox=\"\"")
        .contains(mail.messageId().replace("<", "&lt;").replace(">", "&gt;"));
  }
}
