package org.slaescalation.notification;

import java.time.Clock;

/** Used when no mail server is configured: keeps every mail for the outbox page instead of sending it. */
class CapturingMailDelivery implements MailDelivery {

  private final CapturedMails mails;
  private final Clock clock;

  CapturingMailDelivery(CapturedMails mails, Clock clock) {
    this.mails = mails;
    this.clock = clock;
  }

  @Override
  public void send(OutgoingMail mail) {
    mails.add(mail, clock.instant());
  }

  @Override
  public boolean keepsMailsForOutbox() {
    return true;
  }

  @Override
  public String describe() {
    return "the mail outbox page (no mail server configured: set spring.mail.host to send)";
  }
}
