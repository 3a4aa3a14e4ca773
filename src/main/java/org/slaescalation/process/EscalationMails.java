package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.TICKET_ID;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slaescalation.ladder.Escalations;
import org.springframework.stereotype.Component;

/**
 * The "Escalation mail" process as it sees the outbox ({@code ${escalationMails...}}): whether its mail waits for the
 * recipients' calendar, until when, and send task "Send escalation mail" (asynchronous before: one job and
 * transaction per mail; a failure retries this mail alone and finally raises an incident naming ticket, clocks and
 * rungs).
 */
@Component("escalationMails")
public class EscalationMails implements JavaDelegate {

  private final Escalations escalations;
  private final Clock clock;

  public EscalationMails(Escalations escalations, Clock clock) {
    this.escalations = escalations;
    this.clock = clock;
  }

  /** Whether the mail waits: the recipients' calendar is closed and the ticket's priority holds mail. */
  public boolean held(DelegateExecution execution) {
    return escalations.sendAt(mailId(execution)).isAfter(clock.instant());
  }

  /** When the mail may go. Reads only. */
  public Date sendAt(DelegateExecution execution) {
    return Date.from(escalations.sendAt(mailId(execution)));
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.send(mailId(execution), (String) execution.getVariable(TICKET_ID));
  }

  private static long mailId(DelegateExecution execution) {
    return ((Number) execution.getVariable(RecordEscalations.MAIL_ID)).longValue();
  }
}
