package org.slaescalation.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.mail.*}: the sender address, the domain of derived Message-IDs and the public
 * address of the service that mails link to. The SMTP server itself is configured with the standard
 * {@code spring.mail.*} properties.
 *
 * @param publicUrl where recipients reach the service, e.g. {@code https://escalation.example.com}; links in
 *     mails start with it (a trailing slash is dropped). Null when unset: links then start with the running
 *     server's own address ({@link PublicUrl})
 * @param sendTimeout the longest one SMTP connection may last, from connecting to the last answer (default 20 s): the
 *     job lock time ({@code camunda.bpm.job-execution.lock-time-in-millis}) is sized to twice this, so that no lock
 *     expires while a mail is being sent (docs/operations.md, "Several nodes")
 */
@ConfigurationProperties("escalation.mail")
@Validated
public record MailSettings(
    @NotBlank @Email String from,
    @NotBlank String messageIdDomain,
    @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?",
        message = "must be the absolute http(s) address recipients open the service at, without query or fragment,"
            + " e.g. https://escalation.example.com")
    String publicUrl,
    @NotNull @DefaultValue("PT20S") Duration sendTimeout) {

  @ConstructorBinding
  public MailSettings {
    if (publicUrl != null) {
      publicUrl = publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }
  }

  /** Settings with the default send timeout. */
  public MailSettings(String from, String messageIdDomain, String publicUrl) {
    this(from, messageIdDomain, publicUrl, Duration.ofSeconds(20));
  }
}
