package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.CREATED_AT;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_EMAIL;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_NAME;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_TIME_ZONE;
import static org.slaescalation.ticket.TicketVariables.FIRST_RESPONSE_TARGET;
import static org.slaescalation.ticket.TicketVariables.SLA_CALENDAR;
import static org.slaescalation.ticket.TicketVariables.SUBJECT;
import static org.slaescalation.ticket.TicketVariables.TICKET_ID;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.calendar.BusinessCalendars;
import org.springframework.stereotype.Component;
import org.slaescalation.notification.AcknowledgementMail;
import org.slaescalation.notification.FirstResponseExpectation;

/**
 * Send task "Acknowledge ticket". It runs in its own job (asynchronous before and after), so an
 * SMTP outage is retried by the engine and never rolls back the ticket. The first-response due instant
 * is counted from the ticket's {@code createdAt}, so a retry minutes later promises the same time.
 */
@Component("acknowledgeTicket")
public class AcknowledgeTicket implements JavaDelegate {

  private final AcknowledgementMail mail;
  private final BusinessCalendars calendars;
  private final Clock clock;

  public AcknowledgeTicket(AcknowledgementMail mail, BusinessCalendars calendars, Clock clock) {
    this.mail = mail;
    this.calendars = calendars;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ZoneId customerZone = zone((String) execution.getVariable(CUSTOMER_TIME_ZONE));
    mail.send(new AcknowledgementMail.Ticket(
        (String) execution.getVariable(TICKET_ID),
        (String) execution.getVariable(SUBJECT),
        (String) execution.getVariable(CUSTOMER_NAME),
        (String) execution.getVariable(CUSTOMER_EMAIL),
        customerZone,
        firstResponse(execution, customerZone)));
  }

  /** Null when the ticket has no SLA policy (yet): the acknowledgement then promises no time. */
  private FirstResponseExpectation firstResponse(DelegateExecution execution, ZoneId customerZone) {
    String target = (String) execution.getVariable(FIRST_RESPONSE_TARGET);
    String calendarName = (String) execution.getVariable(SLA_CALENDAR);
    if (target == null || calendarName == null) {
      return null;
    }
    BusinessCalendar calendar = calendars.get(calendarName);
    Instant submittedAt = execution.getVariable(CREATED_AT) instanceof Date createdAt
        ? createdAt.toInstant()
        : clock.instant();
    return FirstResponseExpectation.of(calendar, submittedAt, Duration.parse(target),
        customerZone == null ? calendar.zone() : customerZone);
  }

  /** Intake validates the zone; a missing or unknown one falls back to the calendar's zone. */
  private static ZoneId zone(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
