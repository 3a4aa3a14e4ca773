package org.slaescalation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.support.RecordingMailDelivery;
import org.slaescalation.support.ShippedCalendars;
import org.slaescalation.ticket.TicketVariables;
import org.slaescalation.process.AcknowledgeTicket;

/**
 * The customer's acknowledgement states, in the customer's zone, when to expect the first response, and
 * why when office hours push it to another day. Shipped calendars; fixed instants.
 */
class AcknowledgementMailTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** Friday 5 March 2027, 18:30 in New York (EST) = Saturday 00:30 in Amsterdam (CET): support is closed. */
  static final Instant FRIDAY_EVENING_NEW_YORK = Instant.parse("2027-03-05T23:30:00Z");

  static final BusinessCalendars CALENDARS = ShippedCalendars.get();

  final RecordingMailDelivery delivery = new RecordingMailDelivery();
  final AcknowledgementMail mail = new AcknowledgementMail(new MailTemplates(), delivery,
      new MailSettings("support@example.com", "test.invalid", "http://localhost:8080"));

  static AcknowledgementMail.Ticket ticket(ZoneId customerZone, FirstResponseExpectation firstResponse) {
    return new AcknowledgementMail.Ticket("T-10001", "Checkout fails", "Ann", "ann@acme.example", customerZone,
        firstResponse);
  }

  static FirstResponseExpectation expect(String calendar, Instant submittedAt, String target, ZoneId customerZone) {
    return FirstResponseExpectation.of(CALENDARS.get(calendar), submittedAt, Duration.parse(target), customerZone);
  }

  @Test
  void fridayEveningInNewYork_onOfficeHours_isToldMondayMorningWithTheReason() {
    // 4 h of support time from Monday 08:30 CET, with the lunch hour: Monday 13:30 CET = 07:30 EST
    FirstResponseExpectation expectation = expect("support", FRIDAY_EVENING_NEW_YORK, "PT4H", NEW_YORK);

    OutgoingMail composed = mail.compose(ticket(NEW_YORK, expectation));

    assertThat(expectation.due()).isEqualTo(Instant.parse("2027-03-08T12:30:00Z"));
    assertThat(composed.textBody()).contains("""
        You can expect our first response by Monday 8 March 2027, 07:30 (America/New_York).
        Our support team works office hours (Europe/Amsterdam, Monday to Friday); requests sent outside them are \
        answered when we open.
        """);
    assertThat(composed.htmlBody().replaceAll("\\s+", " ").replaceAll("</?(span|strong)>", ""))
        .contains("You can expect our first response by Monday 8 March 2027, 07:30 (America/New_York).")
        .contains("Our support team works office hours (Europe/Amsterdam, Monday to Friday); requests sent outside"
            + " them are answered when we open.");
  }

  @Test
  void roundTheClock_theSameFridayEveningIsToldFridayNight_withoutAReason() {
    OutgoingMail composed = mail.compose(ticket(NEW_YORK, expect("24x7", FRIDAY_EVENING_NEW_YORK, "PT4H", NEW_YORK)));

    assertThat(composed.textBody())
        .contains("You can expect our first response by Friday 5 March 2027, 22:30 (America/New_York).")
        .doesNotContain("office hours");
  }

  @Test
  void withinOfficeHours_sameDay_noReason() {
    // Tuesday 2 March 2027, 09:00 CET + 2 h
    Instant tuesdayMorning = Instant.parse("2027-03-02T08:00:00Z");

    OutgoingMail composed = mail.compose(ticket(AMSTERDAM, expect("support", tuesdayMorning, "PT2H", AMSTERDAM)));

    assertThat(composed.textBody())
        .contains("You can expect our first response by Tuesday 2 March 2027, 11:00 (Europe/Amsterdam).")
        .doesNotContain("office hours");
  }

  @Test
  void sentLateWhileOpen_theNextMorning_saysOnlyOpenTimeCounts() {
    // Tuesday 2 March 2027, 17:00 CET + 2 h: 30 min on Tuesday, 90 min from Wednesday 08:30
    Instant tuesdayLate = Instant.parse("2027-03-02T16:00:00Z");

    OutgoingMail composed = mail.compose(ticket(AMSTERDAM, expect("support", tuesdayLate, "PT2H", AMSTERDAM)));

    assertThat(composed.textBody())
        .contains("You can expect our first response by Wednesday 3 March 2027, 10:00 (Europe/Amsterdam).\n"
            + "Our support team works office hours (Europe/Amsterdam, Monday to Friday); the time to our first"
            + " response counts only while we are open.");
  }

  @Test
  void withoutAnSlaNoTimeIsPromised_andOnlyTheTicketHeaderIsSet() {
    OutgoingMail composed = mail.compose(ticket(null, null));

    assertThat(composed.textBody()).doesNotContain("expect");
    assertThat(composed.headers()).containsOnlyKeys("X-Ticket-Id").containsEntry("X-Ticket-Id", "T-10001");
    assertThat(composed.messageId()).isEqualTo("<ack.T-10001@test.invalid>");
  }

  @Test
  void theDelegateCountsFromCreatedAt_inTheSlaCalendar_andWritesInTheCustomersZone() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(TicketVariables.TICKET_ID)).thenReturn("T-10001");
    when(execution.getVariable(TicketVariables.SUBJECT)).thenReturn("Checkout fails");
    when(execution.getVariable(TicketVariables.CUSTOMER_NAME)).thenReturn("Ann");
    when(execution.getVariable(TicketVariables.CUSTOMER_EMAIL)).thenReturn("ann@acme.example");
    when(execution.getVariable(TicketVariables.CUSTOMER_TIME_ZONE)).thenReturn("America/New_York");
    when(execution.getVariable(TicketVariables.CREATED_AT)).thenReturn(Date.from(FRIDAY_EVENING_NEW_YORK));
    when(execution.getVariable(TicketVariables.FIRST_RESPONSE_TARGET)).thenReturn("PT4H");
    when(execution.getVariable(TicketVariables.SLA_CALENDAR)).thenReturn("support");
    // the job runs (or is retried) on Monday: the promise still counts from Friday evening
    Clock mondayClock = Clock.fixed(Instant.parse("2027-03-08T09:00:00Z"), ZoneOffset.UTC);

    new AcknowledgeTicket(mail, CALENDARS, mondayClock).execute(execution);

    assertThat(delivery.sent()).singleElement().satisfies(sent -> {
      assertThat(sent.to()).containsExactly("ann@acme.example");
      assertThat(sent.textBody())
          .contains("by Monday 8 March 2027, 07:30 (America/New_York).")
          .contains("requests sent outside them are answered when we open.");
    });
  }

  @Test
  void roundTheClockMeansEveryHourOfEveryDay_withoutHolidays() {
    assertThat(expect("24x7").roundTheClock()).isTrue();
    assertThat(expect("sysadmin").roundTheClock()).isTrue();
    assertThat(expect("support").roundTheClock()).isFalse();
    assertThat(expect("business-hours-us").roundTheClock()).isFalse();
  }

  @Test
  void openDaysInWords() {
    assertThat(FirstResponseExpectation.openDays(CALENDARS.get("support"))).isEqualTo("Monday to Friday");
    assertThat(FirstResponseExpectation.openDays(CALENDARS.get("24x7"))).isEqualTo("every day");
    assertThat(FirstResponseExpectation.openDays(calendar(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.FRIDAY)))).isEqualTo("Monday, Wednesday and Friday");
    assertThat(FirstResponseExpectation.openDays(calendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))))
        .isEqualTo("Saturday and Sunday");
    assertThat(FirstResponseExpectation.openDays(calendar(EnumSet.of(DayOfWeek.TUESDAY)))).isEqualTo("Tuesday");
  }

  private static FirstResponseExpectation expect(String calendar) {
    return expect(calendar, FRIDAY_EVENING_NEW_YORK, "PT1H", NEW_YORK);
  }

  private static BusinessCalendar calendar(EnumSet<DayOfWeek> days) {
    return BusinessCalendar.builder("custom", AMSTERDAM).hours(days, "09:00-17:00").build();
  }
}
