package org.slaescalation.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.mail.*}: the sender address and the domain of derived Message-IDs. The SMTP
 * server itself is configured with the standard {@code spring.mail.*} properties.
 */
@ConfigurationProperties("escalation.mail")
@Validated
public record MailSettings(
    @NotBlank @Email String from,
    @NotBlank String messageIdDomain) {}
