package org.slaescalation.web;

import org.slaescalation.notification.MailDelivery;
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

  StartupLog(MailDelivery mailDelivery) {
    this.mailDelivery = mailDelivery;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
      return;
    }
    String base = "http://localhost:" + web.getWebServer().getPort();
    LOG.info("""

        SLA escalation service is up.
          Start page    {}/
          Tasklist      {}/camunda/app/tasklist/
          Cockpit       {}/camunda/app/cockpit/
          Ticket API    {}/api/tickets (HTTP Basic), OpenAPI at {}/swagger-ui.html
          Model review  {}/review (HTTP Basic): BPMN and DMN models, OLA budgets, timers, version diffs
          Mail outbox   {}/mail-outbox  <- mails go to {}
        """, base, base, base, base, base, base, base, mailDelivery.describe());
  }
}
