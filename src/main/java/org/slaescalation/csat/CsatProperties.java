package org.slaescalation.csat;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.csat.*}: the customer satisfaction survey (docs/api.md, "Customer satisfaction survey").
 *
 * @param secret the key that signs survey links (HMAC-SHA256), at least 32 characters; required in the {@code prod}
 *     profile (start-up fails without it). Unset elsewhere: a random key generated once per installation and kept in
 *     the database ({@link SurveySecret}). Whoever knows it can forge links, so it ships with no default
 * @param linkValidFor how long a survey link works after the close that mailed it (default {@code 14d})
 */
@ConfigurationProperties("escalation.csat")
@Validated
public record CsatProperties(
    @Size(min = 32, message = "must be at least 32 characters: it signs the survey links") String secret,
    @NotNull @DefaultValue("14d") Duration linkValidFor) {

  public CsatProperties {
    if (secret != null && secret.isBlank()) {
      secret = null;
    }
    if (linkValidFor != null && (linkValidFor.isNegative() || linkValidFor.isZero())) {
      throw new IllegalArgumentException("escalation.csat.link-valid-for must be positive, was " + linkValidFor);
    }
  }
}
