package org.slaescalation.notification;

/**
 * Hands a mail to whatever delivers it: an SMTP server ({@code spring.mail.*}) or, when none is
 * configured, the mail outbox page. A failure throws, so that the engine job retries the step.
 */
public interface MailDelivery {

  void send(OutgoingMail mail);

  /** Where mails go, for the start-up log and the outbox page. */
  String describe();

  /** Whether mails are kept for the mail outbox page ({@code /mail-outbox}) instead of being sent. */
  default boolean keepsMailsForOutbox() {
    return false;
  }
}
