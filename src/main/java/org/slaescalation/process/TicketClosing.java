package org.slaescalation.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slaescalation.ticket.TicketRepository;
import org.springframework.stereotype.Component;

/**
 * A ticket closes at "Ticket closed" and stays reopenable for {@code escalation.reopen-within}: the process waits at
 * "Customer writes again?" and a reply of the customer in that window reopens the ticket ("Customer replied after
 * closing"). The ticket's status is {@code closed} from the close on; the ticket registry keeps when it closed. Each
 * close asks the customer for a rating ({@link CustomerNotices#survey}) until the ticket has one.
 */
@Component("ticketClosing")
public class TicketClosing {

  private final TicketRepository tickets;
  private final ClosingProperties properties;
  private final CustomerNotices notices;
  private final Clock clock;

  public TicketClosing(TicketRepository tickets, ClosingProperties properties, CustomerNotices notices,
      Clock clock) {
    this.tickets = tickets;
    this.properties = properties;
    this.notices = notices;
    this.clock = clock;
  }

  /** Start of "Ticket closed": the ticket is closed, and its customer asked for a rating. */
  public void closed(DelegateExecution execution) {
    tickets.markClosed(ClockExpressions.ticketNumber(execution), clock.instant());
    notices.survey(execution);
  }

  /** Timer "Reopen window over": {@code escalation.reopen-within} after the close. */
  public Date reopenUntil(DelegateExecution execution) {
    Instant closedAt = tickets.closedAt(ClockExpressions.ticketNumber(execution)).orElseGet(clock::instant);
    return Date.from(closedAt.plus(properties.reopenWithin()));
  }

  /** Flow "Customer replied after closing" to support: the ticket is open again. */
  public void reopened(DelegateExecution execution) {
    tickets.markReopened(ClockExpressions.ticketNumber(execution));
  }
}
