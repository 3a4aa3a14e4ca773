package org.slaescalation.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mail the service sends. The subject and header values are single lines by construction, so
 * ticket text can never add a header.
 */
public record OutgoingMail(List<String> to, String subject, String textBody, String htmlBody,
    Map<String, String> headers, String messageId) {

  public OutgoingMail {
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("A mail needs at least one recipient");
    }
    subject = singleLine(subject);
    Objects.requireNonNull(textBody, "textBody");
    Objects.requireNonNull(htmlBody, "htmlBody");
    Map<String, String> clean = new LinkedHashMap<>();
    headers.forEach((name, value) -> clean.put(singleLine(name), singleLine(value)));
    headers = Map.copyOf(clean);
    messageId = singleLine(messageId);
  }

  /** Line breaks (and other control characters) become spaces: a header value is one line. */
  static String singleLine(String value) {
    return Objects.requireNonNull(value).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
  }

  /** The headers as stored with a mail: one {@code Name: value} line each. */
  public String headerLines() {
    StringBuilder text = new StringBuilder();
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    return text.toString();
  }

  /** Headers stored by {@link #headerLines()}. */
  public static Map<String, String> parseHeaderLines(String text) {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        parsed.put(line.substring(0, colon), line.substring(colon + 2));
      }
    }
    return parsed;
  }
}
