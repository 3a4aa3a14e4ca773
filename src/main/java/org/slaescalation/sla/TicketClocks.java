package org.slaescalation.sla;

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
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slaescalation.ticket.TicketId;
import org.springframework.stereotype.Component;

/**
 * The clocks as the process model sees them ({@code ${clocks...}}): it starts the SLA clocks, gives each timer
 * its due date and stops the resolution clock. Reads typed variables, calls {@link SlaClocks}.
 */
@Component("clocks")
public class TicketClocks {

  private final SlaClocks clocks;
  private final OlaDeadlines olaDeadlines;

  public TicketClocks(SlaClocks clocks, OlaDeadlines olaDeadlines) {
    this.clocks = clocks;
    this.olaDeadlines = olaDeadlines;
  }

  /** Service task "Start SLA clocks": first response and resolution, from the targets of decision SlaPolicy. */
  public void start(DelegateExecution execution) {
    long ticket = ticketNumber(execution);
    Instant createdAt = ((Date) execution.getVariable(CREATED_AT)).toInstant();
    String calendar = (String) execution.getVariable(SLA_CALENDAR);
    Integer internal = (Integer) execution.getVariable(INTERNAL_TARGET_PERCENT);
    clocks.start(ticket, TicketClock.FIRST_RESPONSE, calendar,
        Duration.parse((String) execution.getVariable(FIRST_RESPONSE_TARGET)), internal, createdAt);
    clocks.start(ticket, TicketClock.RESOLUTION, calendar,
        Duration.parse((String) execution.getVariable(RESOLUTION_TARGET)), internal, createdAt);
  }

  /**
   * The due date of a timer: rung {@code rung} ({@code internal}, {@code warning}, {@code critical},
   * {@code breach}) of clock {@code clock} ({@code first-response}, {@code resolution} or {@code ola-<team>}).
   * Asking for an OLA clock from a team's task starts (or resumes) the team's stint for that task.
   */
  public Date due(DelegateExecution execution, String clock, String rung) {
    return Date.from(clocks.dueAt(clock(execution, clock), Rung.of(rung)));
  }

  /** Stops a clock: met, or breached when it stops after its breach instant. */
  public void stop(DelegateExecution execution, String clock) {
    clocks.stop(ticketNumber(execution), clock);
  }

  private TicketClock clock(DelegateExecution execution, String name) {
    long ticket = ticketNumber(execution);
    if (name.startsWith("ola-")) {
      String team = name.substring("ola-".length());
      String priority = (String) execution.getVariable(PRIORITY);
      return clocks.olaStint(ticket, team, execution.getActivityInstanceId(),
          () -> olaDeadlines.budget(team, priority));
    }
    return clocks.find(ticket, name)
        .orElseThrow(() -> new IllegalStateException("Clock " + name + " of ticket " + ticketId(execution)
            + " was not started"));
  }

  static long ticketNumber(VariableScope execution) {
    String ticketId = ticketId(execution);
    return TicketId.number(ticketId)
        .orElseThrow(() -> new IllegalStateException("Variable ticketId is not a ticket id: " + ticketId));
  }

  private static String ticketId(VariableScope execution) {
    return (String) execution.getVariable(TICKET_ID);
  }
}
