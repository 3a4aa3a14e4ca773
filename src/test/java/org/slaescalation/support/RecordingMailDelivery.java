package org.slaescalation.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slaescalation.notification.MailDelivery;
import org.slaescalation.notification.OutgoingMail;
import org.springframework.mail.MailSendException;

/**
 * Keeps sent mails in memory, for process tests that check that a step sends one; it can play a mail server that is
 * down, failing as the SMTP delivery does.
 */
public final class RecordingMailDelivery implements MailDelivery {

  private final List<OutgoingMail> sent = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresToCome = new AtomicInteger();

  @Override
  public void send(OutgoingMail mail) {
    if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new MailSendException("Mail server unreachable (test)");
    }
    sent.add(mail);
  }

  /** The next {@code count} mails fail as if the mail server were down. */
  public void failNext(int count) {
    failuresToCome.set(count);
  }

  @Override
  public String describe() {
    return "memory";
  }

  public List<OutgoingMail> sent() {
    return List.copyOf(sent);
  }

  public void clear() {
    sent.clear();
    failuresToCome.set(0);
  }
}
