package org.slaescalation.process;

import org.slaescalation.notification.MailRetryProperties;
import org.springframework.stereotype.Component;

/**
 * The retry time cycle of the model's mail steps ({@code ${mailRetries.cycle}} on <i>Acknowledge ticket</i> and
 * <i>Send escalation mail</i>), from {@code escalation.mail.retry.intervals}.
 */
@Component("mailRetries")
public class MailRetries {

  private final MailRetryProperties properties;

  public MailRetries(MailRetryProperties properties) {
    this.properties = properties;
  }

  public String getCycle() {
    return properties.cycle();
  }
}
