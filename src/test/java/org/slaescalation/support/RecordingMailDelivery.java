package org.slaescalation.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slaescalation.notification.MailDelivery;
import org.slaescalation.notification.OutgoingMail;

/** Keeps sent mails in memory, for process tests that check that a step sends one. */
public final class RecordingMailDelivery implements MailDelivery {

  private final List<OutgoingMail> sent = new CopyOnWriteArrayList<>();

  @Override
  public void send(OutgoingMail mail) {
    sent.add(mail);
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
  }
}
