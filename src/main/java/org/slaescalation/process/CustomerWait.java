package org.slaescalation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockStints;
import org.springframework.stereotype.Component;

/**
 * Execution listener on "Customer reply received": while the ticket waits on the customer the resolution clock
 * stands still (and is written to the pause ledger); when the reply arrives it runs again and every pending timer
 * moves by the business time the pause took.
 */
@Component("customerWait")
public class CustomerWait implements ExecutionListener {

  static final String REASON = "waiting-on-customer";

  private final ClockStints clocks;
  private final LadderTimers timers;

  public CustomerWait(ClockStints clocks, LadderTimers timers) {
    this.clocks = clocks;
    this.timers = timers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long ticket = ClockExpressions.ticketNumber(execution);
    if (EVENTNAME_START.equals(execution.getEventName())) {
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
