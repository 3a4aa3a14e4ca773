package org.slaescalation.inbound;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slaescalation.ticket.Category;
import org.slaescalation.ticket.CodeOf;
import org.slaescalation.ticket.Priority;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.inbound-mail.*}: the mailbox customers answer to (docs/mail.md, "Inbound mail"). Unset
 * {@code host}: no mailbox is read.
 *
 * @param protocol          {@code imaps} (TLS from the first byte, port 993) or {@code imap} (port 143; add
 *                          {@code properties.[mail.imap.starttls.required]: true} for STARTTLS)
 * @param port              null: the protocol's port
 * @param processedFolder   null: a processed message is flagged {@code \Seen} and stays; otherwise it is moved there
 *                          (created when missing) and every message left in {@code folder} is read, seen or not
 * @param connectionTimeout how long connecting may take ({@code mail.imap(s).connectiontimeout})
 * @param readTimeout       how long the server may take to answer one command ({@code mail.imap(s).timeout})
 * @param writeTimeout      how long writing one command may take ({@code mail.imap(s).writetimeout})
 * @param properties        further Jakarta Mail properties, e.g. {@code mail.imaps.ssl.trust}
 */
@ConfigurationProperties("escalation.inbound-mail")
@Validated
public record InboundMailProperties(
    String host,
    @NotNull @DefaultValue("imaps") @Pattern(regexp = "imaps?", message = "must be imap or imaps") String protocol,
    @Min(1) @Max(65535) Integer port,
    String user,
    String password,
    @NotBlank @DefaultValue("INBOX") String folder,
    String processedFolder,
    @NotNull @DefaultValue("PT1M") Duration pollInterval,
    @Min(1) @Max(1000) @DefaultValue("50") int maxMessagesPerPoll,
    @NotNull @DefaultValue("PT10S") Duration connectionTimeout,
    @NotNull @DefaultValue("PT10S") Duration readTimeout,
    @NotNull @DefaultValue("PT10S") Duration writeTimeout,
    @NotNull @DefaultValue("P3") @CodeOf(Priority.class) String defaultPriority,
    @NotNull @DefaultValue("question") @CodeOf(Category.class) String defaultCategory,
    Map<String, String> properties) {

  public InboundMailProperties {
    host = host == null || host.isBlank() ? null : host.strip();
    processedFolder = processedFolder == null || processedFolder.isBlank() ? null : processedFolder.strip();
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    if (host != null && (user == null || user.isBlank())) {
      throw new IllegalArgumentException("escalation.inbound-mail.user is required with escalation.inbound-mail.host:"
          + " set the mailbox's login (and escalation.inbound-mail.password)");
    }
    for (var timeout : List.of(connectionTimeout, readTimeout, writeTimeout, pollInterval)) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("escalation.inbound-mail.poll-interval and the timeouts must be positive,"
            + " not " + timeout);
      }
    }
  }

  /** Whether a mailbox is configured. */
  public boolean enabled() {
    return host != null;
  }

  /** The port the protocol listens on unless {@code port} says otherwise. */
  public int effectivePort() {
    return port != null ? port : "imaps".equals(protocol) ? 993 : 143;
  }
}
