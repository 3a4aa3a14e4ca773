package org.slaescalation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.RecordingMailDelivery;

/** What an escalation mail says and which headers it carries, without a mail server. */
class EscalationMailTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** Monday 8 March 2027, 12:00 in Amsterdam (CET), 06:00 in New York (EST). */
  static final Instant DUE = Instant.parse("2027-03-08T11:00:00Z");

  static final MailSettings SETTINGS = new MailSettings("support@example.com", "test.invalid", "http://localhost:8080");

  final RecordingMailDelivery delivery = new RecordingMailDelivery();
  final EscalationMail mail = new EscalationMail(new MailTemplates(), SETTINGS);

  static EscalationNotice notice(String clock, int level, boolean internalTarget, Duration remaining,
      String taskId, Recipient... recipients) {
    return new EscalationNotice("T-10001", "Checkout fails", "P1", "enterprise", "ACME", clock, level,
        internalTarget, DUE, remaining, "support", "support", taskId, List.of(recipients));
  }

  static EscalationNotice resolutionAt90() {
    return notice("resolution", 90, false, Duration.parse("PT2H30M"), "task-42",
        new Recipient("team-lead", "lead@example.com", AMSTERDAM),
        new Recipient("support-manager", "manager@example.com", NEW_YORK),
        new Recipient("account-manager", "am@example.com", AMSTERDAM));
  }

  @Test
  void subjectNamesTicketPriorityAndWhatIsAtRisk() {
    Recipient lead = new Recipient("team-lead", "lead@example.com", AMSTERDAM);
    Duration left = Duration.ofHours(1);

    assertThat(mail.compose(resolutionAt90()).subject())
        .isEqualTo("[T-10001] P1 resolution SLA 90% used: Checkout fails");
    assertThat(mail.compose(notice("resolution", 100, false, Duration.ZERO, "t", lead)).subject())
        .isEqualTo("[T-10001] P1 resolution SLA BREACHED: Checkout fails");
    assertThat(mail.compose(notice("first-response", 75, true, left, "t", lead)).subject())
        .isEqualTo("[T-10001] P1 first response SLA internal target reached (75% used): Checkout fails");
    assertThat(mail.compose(notice("ola-support", 75, false, left, "t", lead)).subject())
        .isEqualTo("[T-10001] P1 support OLA 75% used: Checkout fails");
    assertThat(mail.compose(notice("ola-engineering", 100, false, left.negated(), "t", lead)).subject())
        .isEqualTo("[T-10001] P1 engineering OLA BREACHED: Checkout fails");
  }

  @Test
  void theSubjectIsOneLine_whateverTheTicketSubjectHolds() {
    EscalationNotice injected = new EscalationNotice("T-10001", "Checkout fails\r\nBcc: evil@example.com\u2028x",
        "P1", "enterprise", "ACME", "resolution", 90, false, DUE, Duration.ofHours(1), "support", "support", null,
        List.of(new Recipient("team-lead", "lead@example.com", AMSTERDAM)));

    assertThat(mail.compose(injected).subject())
        .isEqualTo("[T-10001] P1 resolution SLA 90% used: Checkout fails Bcc: evil@example.com x");
  }

  @Test
  void headersAndMessageIdFollowTheContract() {
    OutgoingMail composed = mail.compose(resolutionAt90());

    assertThat(composed.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "X-Ticket-Id", "T-10001",
        "X-Escalation-Clock", "resolution",
        "X-Escalation-Level", "90"));
    assertThat(composed.messageId()).isEqualTo("<esc.T-10001.resolution.90.20270308T110000Z@test.invalid>");
    assertThat(composed.to()).containsExactly("lead@example.com", "manager@example.com", "am@example.com");
  }

  @Test
  void aResendIsTheSameMessage_anotherRungOrDueIsNot() {
    Recipient lead = new Recipient("team-lead", "lead@example.com", AMSTERDAM);
    String first = mail.compose(resolutionAt90()).messageId();

    assertThat(mail.compose(resolutionAt90()).messageId()).isEqualTo(first);
    assertThat(mail.compose(notice("resolution", 75, true, Duration.ofHours(1), null, lead)).messageId())
        .as("the internal target differs from the 75% rung of the same clock")
        .isEqualTo("<esc.T-10001.resolution.75-internal.20270308T110000Z@test.invalid>")
        .isNotEqualTo(mail.compose(notice("resolution", 75, false, Duration.ofHours(1), null, lead)).messageId());
    EscalationNotice moved = new EscalationNotice("T-10001", "Checkout fails", "P1", "enterprise", "ACME",
        "resolution", 90, false, DUE.plusSeconds(3600), Duration.parse("PT2H30M"), "support", "support",
        "task-42", List.of(lead));
    assertThat(mail.compose(moved).messageId()).isEqualTo("<esc.T-10001.resolution.90.20270308T120000Z@test.invalid>");
  }

  @Test
  void messageIdIsValidRfc5322_whateverTheTicketIdHolds() {
    String atext = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    String msgId = "<" + atext + "(\\." + atext + ")*@" + atext + "(\\." + atext + ")*>";
    EscalationNotice odd = new EscalationNotice("T 1:<x>", "s", "P1", null, null, "ola-sysadmin", 90, false, DUE,
        Duration.ZERO, "sysadmin", "sysadmin", null, List.of(new Recipient("team", "t@example.com", AMSTERDAM)));

    assertThat(mail.compose(resolutionAt90()).messageId()).matches(msgId);
    assertThat(mail.compose(odd).messageId()).matches(msgId).isEqualTo(
        "<esc.T_1__x_.ola-sysadmin.90.20270308T110000Z@test.invalid>");
  }

  @Test
  void bodyGivesBusinessTimeLeftAndTheDueInEachRecipientsZone() {
    OutgoingMail composed = mail.compose(resolutionAt90());

    assertThat(composed.textBody())
        .startsWith("The resolution SLA of ticket T-10001 has used 90% of its budget.\n\n"
            + "2 h 30 min of business time left (calendar support).\n\n"
            + "Due Mon 8 Mar 2027, 12:00 CET (Europe/Amsterdam)\n"
            + "Due Mon 8 Mar 2027, 06:00 EST (America/New_York)\n\n")
        .contains("Open the task in Tasklist: http://localhost:8080/camunda/app/tasklist/default/#/?task=task-42")
        .contains("Sent to team-lead (lead@example.com), support-manager (manager@example.com),"
            + " account-manager (am@example.com).");
    assertThat(composed.htmlBody())
        .contains("<p>2 h 30 min of business time left (calendar support).</p>")
        .contains("<li>Due Mon 8 Mar 2027, 12:00 CET (Europe/Amsterdam)</li>")
        .contains("<li>Due Mon 8 Mar 2027, 06:00 EST (America/New_York)</li>")
        .contains("<a href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=task-42\">"
            + "Open the task in Tasklist</a>");
    assertThat(composed.htmlBody().split("Europe/Amsterdam", -1)).as("one line per distinct zone").hasSize(2);
  }

  @Test
  void summerTimeShowsInTheRecipientsZone() {
    EscalationNotice summer = new EscalationNotice("T-10001", "Checkout fails", "P2", "business", "ACME",
        "first-response", 90, false, Instant.parse("2027-07-02T07:30:00Z"), Duration.ofMinutes(6), "support",
        "support", "task-42", List.of(new Recipient("team", "support@example.com", AMSTERDAM),
        new Recipient("support-manager", "manager@example.com", ZoneId.of("UTC"))));

    assertThat(mail.compose(summer).textBody())
        .contains("6 min of business time left (calendar support).")
        .contains("Due Fri 2 Jul 2027, 09:30 CEST (Europe/Amsterdam)\nDue Fri 2 Jul 2027, 07:30 UTC (UTC)\n");
  }

  @Test
  void anOverdueClockSaysByHowMuchInBusinessTime() {
    OutgoingMail composed = mail.compose(notice("resolution", 100, false, Duration.parse("-PT1H15M"), "task-42",
        new Recipient("team-lead", "lead@example.com", AMSTERDAM)));

    assertThat(composed.textBody())
        .startsWith("The resolution SLA of ticket T-10001 is breached.\n\n"
            + "Overdue by 1 h 15 min of business time (calendar support).\n\n"
            + "Was due Mon 8 Mar 2027, 12:00 CET (Europe/Amsterdam)\n");
  }

  @Test
  void withoutATaskTheMailLinksToTheTicket() {
    EscalationMail behindProxy = new EscalationMail(new MailTemplates(),
        new MailSettings("support@example.com", "test.invalid", "https://escalation.example.com/"));

    OutgoingMail composed = behindProxy.compose(notice("resolution", 100, false, Duration.ZERO, null,
        new Recipient("support-manager", "manager@example.com", AMSTERDAM)));

    assertThat(composed.textBody())
        .contains("No business time left (calendar support).")
        .contains("Open the ticket: https://escalation.example.com/api/tickets/T-10001");
    assertThat(composed.htmlBody()).contains("href=\"https://escalation.example.com/api/tickets/T-10001\"");
  }

  @Test
  void sendDeliversOneMailToAllRecipients() {
    sendThrough(resolutionAt90());

    assertThat(delivery.sent()).singleElement()
        .satisfies(sent -> assertThat(sent.to()).hasSize(3))
        .isEqualTo(mail.compose(resolutionAt90()));
  }

  @Test
  void aNoticeWithoutRecipientsOrWithAnUnknownClockIsRefused() {
    assertThatThrownBy(() -> notice("resolution", 90, false, Duration.ZERO, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one recipient");
    assertThatThrownBy(() -> notice("reply", 90, false, Duration.ZERO, null,
        new Recipient("team", "t@example.com", AMSTERDAM)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown clock 'reply'");
  }

  private void sendThrough(EscalationNotice notice) {
    delivery.send(mail.compose(notice));
  }
}
