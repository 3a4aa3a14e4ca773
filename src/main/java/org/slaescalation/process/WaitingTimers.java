package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.CUSTOMER_TIME_ZONE;
import static org.slaescalation.ticket.TicketVariables.SLA_CALENDAR;
import static org.slaescalation.ticket.TicketVariables.WAITING_SINCE;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.conversation.TeamAndCustomerTime;
import org.slaescalation.ladder.ContactProperties;
import org.slaescalation.team.Team;
import org.springframework.stereotype.Component;

/**
 * Due dates of the two timers of the customer wait ({@code processes/ticket-escalation.bpmn}, "Wait on customer"):
 * the reminder ({@code timer} property {@value #REMINDER}) and the close ({@value #CLOSE}), business days of the
 * ticket's SLA calendar after the start of the wait ({@code waitingSince}). The task "Wait for the customer" is due
 * when the ticket closes, and shows all three instants ({@code waitingSummary}, set when it is created) in the support
 * team's zone and the customer's.
 */
@Component("waitingTimers")
public class WaitingTimers implements TaskListener {

  public static final String REMINDER = "waiting-reminder";
  public static final String CLOSE = "waiting-close";

  static final String REMINDER_TIMER = "BoundaryEvent_WaitingReminder";
  static final String CLOSE_TIMER = "BoundaryEvent_WaitingClose";

  /** Task variable of "Wait for the customer": since when, and when the reminder goes and the ticket closes. */
  public static final String WAITING_SUMMARY = "waitingSummary";

  private final WaitingProperties properties;
  private final BusinessCalendars calendars;
  private final ContactProperties contacts;

  public WaitingTimers(WaitingProperties properties, BusinessCalendars calendars, ContactProperties contacts) {
    this.properties = properties;
    this.calendars = calendars;
    this.contacts = contacts;
  }

  /** Create listener of "Wait for the customer". */
  @Override
  public void notify(DelegateTask task) {
    ZoneId team = contacts.teamZone(Team.SUPPORT.code());
    ZoneId customer = CustomerReplies.zone(task.getVariable(CUSTOMER_TIME_ZONE));
    Instant since = ((Date) task.getVariable(WAITING_SINCE)).toInstant();
    Instant reminder = after(task, properties.reminderAfter().getDays());
    task.setVariableLocal(WAITING_SUMMARY, String.join("\n",
        "Waiting since: " + TeamAndCustomerTime.format(since, team, customer),
        "One reminder (unless the customer was reminded): " + TeamAndCustomerTime.format(reminder, team, customer),
        "Closes without an answer: " + TeamAndCustomerTime.format(closesAt(task), team, customer)));
  }

  /** When the timer {@code timerId} fires: {@code reminder-after} or {@code close-after} after the wait began. */
  public Date due(VariableScope execution, String timerId) {
    int days = switch (timerId) {
      case REMINDER_TIMER -> properties.reminderAfter().getDays();
      case CLOSE_TIMER -> properties.closeAfter().getDays();
      default -> throw new IllegalArgumentException("Not a timer of the customer wait: " + timerId);
    };
    return Date.from(after(execution, days));
  }

  /** When the wait that is going on now closes the ticket. */
  Instant closesAt(VariableScope execution) {
    return after(execution, properties.closeAfter().getDays());
  }

  private Instant after(VariableScope execution, int days) {
    Instant since = ((Date) execution.getVariable(WAITING_SINCE)).toInstant();
    return calendars.get((String) execution.getVariable(SLA_CALENDAR)).plusBusinessDays(since, days);
  }
}
