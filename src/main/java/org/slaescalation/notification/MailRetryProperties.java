package org.slaescalation.notification;

import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.mail.retry.intervals}: how long a mail job (acknowledgement, escalation mail) waits before each
 * new try while the mail server refuses or does not answer. When the last interval has passed and the mail still
 * does not go, the job raises an incident. The default backs off from a minute to four hours and raises the incident
 * after about 11 hours of outage (12 tries).
 */
@ConfigurationProperties("escalation.mail.retry")
@Validated
public record MailRetryProperties(
    @NotEmpty @DefaultValue({"PT1M", "PT2M", "PT5M", "PT10M", "PT20M", "PT30M", "PT1H", "PT1H", "PT2H", "PT2H",
        "PT4H"}) List<Duration> intervals) {

  /** The intervals as Camunda's retry time cycle: {@code PT1M,PT2M,…}. */
  public String cycle() {
    return String.join(",", intervals.stream().map(Duration::toString).toList());
  }

  /** How long an outage lasts before the incident: the sum of the intervals. */
  public Duration untilIncident() {
    return intervals.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
