package org.slaescalation.notification;

import static org.slaescalation.ticket.TicketVariables.CUSTOMER_EMAIL;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_NAME;
import static org.slaescalation.ticket.TicketVariables.SUBJECT;
import static org.slaescalation.ticket.TicketVariables.TICKET_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Send task "Acknowledge ticket". It runs in its own job (asynchronous before and after), so an
 * SMTP outage is retried by the engine and never rolls back the ticket.
 */
@Component("acknowledgeTicket")
public class AcknowledgeTicket implements JavaDelegate {

  private final AcknowledgementMail mail;

  public AcknowledgeTicket(AcknowledgementMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.send(new AcknowledgementMail.Ticket(
        (String) execution.getVariable(TICKET_ID),
        (String) execution.getVariable(SUBJECT),
        (String) execution.getVariable(CUSTOMER_NAME),
        (String) execution.getVariable(CUSTOMER_EMAIL)));
  }
}
