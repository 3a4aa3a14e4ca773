package org.slaescalation.web;

import org.slaescalation.notification.MailDelivery;
import org.slaescalation.notification.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operator where to click once the service is up. */
@Component
class StartupLog {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLog.class);

  private final MailDelivery mailDelivery;
  private final PublicUrl publicUrl;

  StartupLog(MailDelivery mailDelivery, PublicUrl publicUrl) {
    this.mailDelivery = mailDelivery;
    this.publicUrl = publicUrl;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
      return;
    }
    String base = "http://localhost:" + web.getWebServer().getPort();
    LOG.info("""

        SLA escalation service is up.
          Start page    {}/  (log in there or in Tasklist: one session for both)
          Tasklist      {}/camunda/app/tasklist/  (agents and team leads)
          Cockpit       {}/camunda/app/cockpit/  (administrators)
          Ticket API    {}/api/tickets (HTTP Basic: integrations, administrators), OpenAPI at {}/swagger-ui.html
          Model review  {}/review (team leads, administrators): BPMN and DMN models, OLA budgets, timers, diffs
          Mail          {}
          Mail links    start with {} ({})
        """, base, base, base, base, base, base, mailDelivery.keepsMailsForOutbox()
            ? "kept on the outbox page " + base + "/mail-outbox (administrators): " + mailDelivery.describe()
            : "sent through " + mailDelivery.describe(), publicUrl.get(), publicUrl.configured().isPresent()
            ? "escalation.mail.public-url" : "this server's address; set escalation.mail.public-url behind a proxy");
  }
}
