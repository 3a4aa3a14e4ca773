package org.slaescalation.process;

import static org.slaescalation.notification.CustomerTime.format;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_TIME_ZONE;
import static org.slaescalation.ticket.TicketVariables.REMINDED_AT;
import static org.slaescalation.ticket.TicketVariables.TICKET_ID;
import static org.slaescalation.ticket.TicketVariables.WAITING_SINCE;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slaescalation.csat.Surveys;
import org.slaescalation.team.Team;
import org.springframework.stereotype.Component;

/**
 * What the service itself tells a customer who does not answer ({@code processes/ticket-escalation.bpmn}, "Wait on
 * customer"): the reminder, and that the ticket is closed and until when a reply reopens it; and, whenever a ticket
 * closes, the satisfaction survey ({@link Surveys}). Each is a reply of the
 * support team ({@link CustomerReplies}: threaded, mailed in a job of its own), written in the customer's time zone.
 * When the agent who chose "remind" or "close" wrote a reply to the customer, that reply is the notice and the
 * standard text is not sent as well.
 */
@Component("customerNotices")
public class CustomerNotices {

  private final CustomerReplies replies;
  private final WaitingTimers waitingTimers;
  private final ClosingProperties closing;
  private final Surveys surveys;
  private final Clock clock;

  public CustomerNotices(CustomerReplies replies, WaitingTimers waitingTimers, ClosingProperties closing,
      Surveys surveys, Clock clock) {
    this.replies = replies;
    this.waitingTimers = waitingTimers;
    this.closing = closing;
    this.surveys = surveys;
    this.clock = clock;
  }

  /** "Remind the customer": mails the reminder (unless the agent wrote one) and records when the customer was. */
  public void remind(DelegateExecution execution) {
    if (!CustomerReplies.recordedNow(execution)) {
      ZoneId zone = CustomerReplies.zone(execution.getVariable(CUSTOMER_TIME_ZONE));
      replies.send(execution, execution.getProcessEngineServices(), null, Team.SUPPORT.code(), """
          We are still waiting for your answer to our question of %s, so that we can go on with this ticket.

          If we do not hear from you by %s, we will close the ticket. You can still reopen it then by replying \
          within %s."""
          .formatted(format(since(execution), zone), format(waitingTimers.closesAt(execution), zone),
              days(closing.reopenWithin().toDays())));
    }
    execution.getProcessInstance().setVariable(REMINDED_AT, Date.from(clock.instant()));
  }

  /** Whether the customer was reminded during the wait going on now: the automatic reminder is sent once. */
  public boolean reminded(DelegateExecution execution) {
    return execution.getVariable(REMINDED_AT) instanceof Date reminded && !reminded.before((Date) execution
        .getVariable(WAITING_SINCE));
  }

  /** "Tell the customer it is closed": the ticket closed without an answer; a reply until then reopens it. */
  public void closedUnanswered(DelegateExecution execution) {
    if (CustomerReplies.recordedNow(execution)) {
      return;
    }
    ZoneId zone = CustomerReplies.zone(execution.getVariable(CUSTOMER_TIME_ZONE));
    Instant reopenUntil = clock.instant().plus(closing.reopenWithin());
    replies.send(execution, execution.getProcessEngineServices(), null, Team.SUPPORT.code(), """
        We have closed ticket %s, as we have not heard from you since our question of %s.

        If the problem is not solved, reply to this mail by %s and we will reopen the ticket."""
        .formatted(execution.getVariable(TICKET_ID), format(since(execution), zone), format(reopenUntil, zone)));
  }

  /**
   * "Ticket closed": asks the customer to rate the support, with a link of its own to the survey. Sent at every close
   * until the ticket has an answer, so a ticket reopened and closed again before the customer answered asks again
   * (either link records the one answer); once answered, a later close asks nothing.
   */
  public void survey(DelegateExecution execution) {
    String ticketId = (String) execution.getVariable(TICKET_ID);
    surveys.invite(ticketId).ifPresent(invitation -> {
      ZoneId zone = CustomerReplies.zone(execution.getVariable(CUSTOMER_TIME_ZONE));
      replies.send(execution, execution.getProcessEngineServices(), null, Team.SUPPORT.code(), """
          Ticket %s is closed. How satisfied are you with our support? Please rate it from 1 to 5, with a comment \
          if you like, at

          %s

          It takes a minute and needs no login. The link works until %s; the first answer counts."""
          .formatted(ticketId, invitation.url(), format(invitation.validUntil(), zone)));
    });
  }

  private static Instant since(DelegateExecution execution) {
    return ((Date) execution.getVariable(WAITING_SINCE)).toInstant();
  }

  private static String days(long days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
