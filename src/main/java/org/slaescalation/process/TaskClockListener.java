package org.slaescalation.process;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slaescalation.businesstime.BusinessTimeFormat;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ticket.Outcome;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketVariables;
import org.springframework.stereotype.Component;

/**
 * Task listener of every user task. On creation it writes the time left on the ticket's clocks into the task
 * variable {@code clockSummary}, which the forms show. On completion the team's OLA stint ends (met or breached),
 * or pauses when support waits on the customer. (The first response is the first reply mailed to the customer,
 * {@link ReplyMails}, not a completion.)
 */
@Component("taskClocks")
public class TaskClockListener implements TaskListener {

  /** Task-local variable with the clocks as text, for the forms. */
  public static final String CLOCK_SUMMARY = "clockSummary";

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);

  private final ClockStints clocks;
  private final BusinessCalendars calendars;
  private final OlaDeadlines olaDeadlines;

  public TaskClockListener(ClockStints clocks, BusinessCalendars calendars, OlaDeadlines olaDeadlines) {
    this.clocks = clocks;
    this.calendars = calendars;
    this.olaDeadlines = olaDeadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      startOlaIfSkipped(task);
      task.setVariableLocal(CLOCK_SUMMARY, summary(task));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task);
    }
  }

  /**
   * The team's OLA stint starts on the flow into its task ({@link OlaStintStart}); a task an operator started
   * directly (process instance modification) starts it here.
   */
  private void startOlaIfSkipped(DelegateTask task) {
    long ticket = ClockExpressions.ticketNumber(task);
    TicketProcess.userTask(task.getTaskDefinitionKey()).ifPresent(userTask -> {
      String team = userTask.team().code();
      if (clocks.open(ticket, ClockName.ola(team)).isEmpty()) {
        String priority = (String) task.getVariable(TicketVariables.PRIORITY);
        clocks.startOrResumeOla(ticket, team, task.getTaskDefinitionKey(),
            () -> olaDeadlines.budget(team, priority));
      }
    });
  }

  private String summary(DelegateTask task) {
    long ticket = ClockExpressions.ticketNumber(task);
    ZoneId customerZone = zone(task.getVariable(TicketVariables.CUSTOMER_TIME_ZONE));
    List<String> lines = new ArrayList<>();
    TicketProcess.userTask(task.getTaskDefinitionKey()).ifPresent(userTask -> {
      clocks.open(ticket, ClockName.ola(userTask.team().code()))
          .ifPresent(ola -> lines.add(line(userTask.team().displayName() + " OLA", ola, customerZone)));
    });
    clocks.open(ticket, ClockName.FIRST_RESPONSE)
        .ifPresent(c -> lines.add(line("First response SLA", c, customerZone)));
    clocks.open(ticket, ClockName.RESOLUTION).ifPresent(c -> lines.add(line("Resolution SLA", c, customerZone)));
    return String.join("\n", lines);
  }

  /**
   * {@code Support OLA (target 4 h): 4 h left, due Mon 1 Mar 2027, 15:00 CET (calendar support) · 09:00 EST for the
   * customer (America/New_York); business time}.
   */
  private String line(String what, ClockStint clock, ZoneId customerZone) {
    var remaining = clocks.remaining(clock);
    String left = remaining.isNegative() || remaining.isZero()
        ? "overdue by " + BusinessTimeFormat.duration(remaining)
        : BusinessTimeFormat.duration(remaining) + " left";
    var dueAt = clocks.dueAt(clock, 100);
    ZoneId calendarZone = calendars.get(clock.calendar()).zone();
    String due = DUE.format(dueAt.atZone(calendarZone)) + " (calendar " + clock.calendar() + ")";
    if (customerZone != null && !customerZone.getRules().equals(calendarZone.getRules())) {
      var local = dueAt.atZone(customerZone);
      boolean sameDay = local.toLocalDate().equals(dueAt.atZone(calendarZone).toLocalDate());
      due += " · " + (sameDay ? TIME : DUE).format(local) + " for the customer (" + customerZone.getId() + ")";
    }
    return what + " (target " + BusinessTimeFormat.duration(clock.budget()) + "): " + left + ", due " + due
        + "; business time";
  }

  private static ZoneId zone(Object id) {
    try {
      return id instanceof String text && !text.isBlank() ? ZoneId.of(text) : null;
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private void completed(DelegateTask task) {
    long ticket = ClockExpressions.ticketNumber(task);
    TicketProcess.userTask(task.getTaskDefinitionKey()).ifPresent(userTask -> {
      ClockName ola = ClockName.ola(userTask.team().code());
      if (Outcome.WAITING_ON_CUSTOMER.code().equals(task.getVariable(TicketVariables.OUTCOME))) {
        clocks.pause(ticket, ola);
      } else {
        clocks.stop(ticket, ola);
      }
    });
  }
}
