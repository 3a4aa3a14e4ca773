package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.CREATED_AT;
import static org.slaescalation.ticket.TicketVariables.FIRST_RESPONSE_TARGET;
import static org.slaescalation.ticket.TicketVariables.INTERNAL_TARGET_PERCENT;
import static org.slaescalation.ticket.TicketVariables.PRIORITY;
import static org.slaescalation.ticket.TicketVariables.RESOLUTION_TARGET;
import static org.slaescalation.ticket.TicketVariables.SLA_CALENDAR;
import static org.slaescalation.ticket.TicketVariables.TICKET_ID;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slaescalation.clock.Budget;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ladder.Rung;
import org.slaescalation.ticket.TicketId;
import org.springframework.stereotype.Component;

/**
 * The clocks as the process model sees them ({@code ${clocks...}}): "Start SLA clocks" starts the SLA clocks; each
 * timer's and task's due date only reads ({@link #due}); the end of the resolution stops its clock.
 */
@Component("clocks")
public class ClockExpressions {

  private final ClockStints stints;
  private final LadderTimers timers;
  private final RepositoryService repository;
  private final OlaDeadlines olaDeadlines;

  public ClockExpressions(ClockStints stints, LadderTimers timers, RepositoryService repository,
      OlaDeadlines olaDeadlines) {
    this.stints = stints;
    this.timers = timers;
    this.repository = repository;
    this.olaDeadlines = olaDeadlines;
  }

  /** Service task "Start SLA clocks": first response and resolution, from the targets of decision SlaPolicy. */
  public void start(DelegateExecution execution) {
    long ticket = ticketNumber(execution);
    Instant createdAt = ((Date) execution.getVariable(CREATED_AT)).toInstant();
    String calendar = (String) execution.getVariable(SLA_CALENDAR);
    Integer internal = (Integer) execution.getVariable(INTERNAL_TARGET_PERCENT);
    // "Determine SLA policy" evaluated the latest version of the decision, just before.
    String decision = OlaDeadlines.version(OlaDeadlines.latest(repository, TicketApiClocks.SLA_DECISION));
    stints.startSla(ticket, ClockName.FIRST_RESPONSE, new Budget(
        Duration.parse((String) execution.getVariable(FIRST_RESPONSE_TARGET)), calendar, decision), internal,
        createdAt);
    stints.startSla(ticket, ClockName.RESOLUTION, new Budget(
        Duration.parse((String) execution.getVariable(RESOLUTION_TARGET)), calendar, decision), internal,
        createdAt);
  }

  /**
   * The due date of ladder timer {@code timerId} (the timer's own id): the rung its {@code rung} property names on
   * the running stint of the clock its {@code clock} property names. Reads only.
   */
  public Date due(DelegateExecution execution, String timerId) {
    return Date.from(dueAt(execution, timers.timer(execution.getProcessDefinitionId(), timerId)));
  }

  /** A team task's due date: when the running stint of the team's OLA clock is breached. Reads only. */
  public Date olaDue(DelegateExecution execution, String team) {
    return Date.from(dueAt(execution, new LadderTimerMap.Timer(null, null, ClockName.ola(team), Rung.BREACH)));
  }

  /**
   * The timer's instant on the open stint of its clock. A team's task reached without its incoming flow (an
   * operator's process instance modification in Cockpit) has no OLA stint yet: the instant is then the one of a stint
   * starting now, which the task's create listener starts ({@link TaskClockListener}). The timers of an SLA clock that
   * stopped before their scope began (a reopened ticket's first response, met long ago) wait at
   * {@link LadderTimers#HELD}.
   */
  private Instant dueAt(DelegateExecution execution, LadderTimerMap.Timer timer) {
    long ticket = ticketNumber(execution);
    if (timer.clock().team().isEmpty() && stints.open(ticket, timer.clock()).isEmpty()
        && stints.latest(ticket, timer.clock()).isPresent()) {
      return LadderTimers.HELD;
    }
    ClockStint stint = stints.open(ticket, timer.clock()).orElseGet(() -> timer.clock().team()
        .map(team -> stints.projected(ticket, timer.clock(),
            olaDeadlines.budget(team, (String) execution.getVariable(PRIORITY))))
        .orElseThrow(() -> new IllegalStateException("Timer " + timer.id() + " waits for clock " + timer.clock()
            + " of ticket " + ticket + ", which was not started")));
    return timers.dueAt(timer, stint);
  }

  /**
   * Flow "Not fixed: reopen" from "Confirm resolution with customer": the resolution clock runs again in a new stint
   * that carries the business time already spent ({@link ClockStints#reopen}).
   */
  public void reopen(DelegateExecution execution) {
    stints.reopen(ticketNumber(execution), ClockName.RESOLUTION, execution.getCurrentTransitionId());
  }

  /** Whether the ticket was resolved before and reopened: its resolution clock has more than one stint. */
  public boolean reopened(DelegateExecution execution) {
    long ticket = ticketNumber(execution);
    return stints.stints(ticket).stream().filter(stint -> stint.clock().equals(ClockName.RESOLUTION)).count() > 1;
  }

  /** Stops a clock: met, or breached when it stops after its breach instant. */
  public void stop(DelegateExecution execution, String clock) {
    stints.stop(ticketNumber(execution), ClockName.of(clock));
  }

  static long ticketNumber(VariableScope execution) {
    String ticketId = (String) execution.getVariable(TICKET_ID);
    return TicketId.number(ticketId)
        .orElseThrow(() -> new IllegalStateException("Variable ticketId is not a ticket id: " + ticketId));
  }
}
