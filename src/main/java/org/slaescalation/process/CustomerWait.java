package org.slaescalation.process;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ticket.TicketVariables;
import org.springframework.stereotype.Component;

/**
 * Execution listener on "Wait on customer": while the ticket waits on the customer the resolution clock stands still
 * (and is written to the pause ledger); when the wait ends (the customer answered, or the ticket closes) it runs
 * again and every pending timer moves by the business time the pause took. On the flow into the wait, its start is
 * kept as {@code waitingSince}: the wait's own timers count from it ({@link WaitingTimers}).
 */
@Component("customerWait")
public class CustomerWait implements ExecutionListener {

  static final String REASON = "waiting-on-customer";

  private final ClockStints clocks;
  private final LadderTimers timers;
  private final Clock clock;

  public CustomerWait(ClockStints clocks, LadderTimers timers, Clock clock) {
    this.clocks = clocks;
    this.timers = timers;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long ticket = ClockExpressions.ticketNumber(execution);
    if (EVENTNAME_TAKE.equals(execution.getEventName())) {
      // On the flow into the wait, before its timers are scheduled: they count from here.
      execution.getProcessInstance().setVariable(TicketVariables.WAITING_SINCE, Date.from(clock.instant()));
    } else if (EVENTNAME_START.equals(execution.getEventName())) {
      clocks.pause(ticket, ClockName.RESOLUTION);
      clocks.openPause(ticket, REASON);
      timers.hold(execution.getProcessInstanceId(), ClockName.RESOLUTION);
    } else {
      clocks.resume(ticket, ClockName.RESOLUTION);
      clocks.closePauses(ticket);
      timers.release(execution.getProcessInstanceId(), ticket, ClockName.RESOLUTION);
    }
  }
}
