package org.slaescalation.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Execution listener on "Customer reply received": while the ticket waits on the customer the resolution clock
 * stands still (and is written to the pause ledger); when the reply arrives it runs again and every pending timer
 * moves by the business time the pause took.
 */
@Component("customerWait")
public class CustomerWait implements ExecutionListener {

  static final String REASON = "waiting-on-customer";

  private final SlaClocks clocks;
  private final TimerSchedule timers;

  public CustomerWait(SlaClocks clocks, TimerSchedule timers) {
    this.clocks = clocks;
    this.timers = timers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long ticket = TicketClocks.ticketNumber(execution);
    if (EVENTNAME_START.equals(execution.getEventName())) {
      clocks.pause(ticket, TicketClock.RESOLUTION);
      clocks.openPause(ticket, REASON);
      timers.hold(execution.getProcessInstanceId(), TicketClock.RESOLUTION);
    } else {
      clocks.resume(ticket, TicketClock.RESOLUTION);
      clocks.closePauses(ticket);
      timers.release(execution.getProcessInstanceId(), ticket, TicketClock.RESOLUTION);
    }
  }
}
