package org.slaescalation.csat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slaescalation.ticket.TicketId;

/**
 * Signed survey tokens: {@code base64url(<ticket id>.<expiry, epoch seconds>) "." base64url(HMAC-SHA256 of that)},
 * unpadded. A token is accepted only when it is exactly the token this key issues for the ticket and expiry it
 * names (compared in constant time), so a changed ticket id, a changed expiry, a changed signature and any other
 * spelling of the same bytes are all refused alike; only then does the expiry count.
 */
final class SurveyLinks {

  /** What a token turned out to be. */
  sealed interface Verdict {}

  /** Issued by this service and not expired: the survey of ticket {@code ticketNumber}. */
  record Valid(long ticketNumber, Instant expiresAt) implements Verdict {}

  /** Issued by this service for ticket {@code ticketNumber}, but its time is over. */
  record Expired(long ticketNumber, Instant expiredAt) implements Verdict {}

  /** Not a token this service issued: changed, cut, or made up. */
  record Refused() implements Verdict {}

  /** Longer than any token issued (a ticket id of 20 characters gives about 80). */
  static final int MAX_LENGTH = 200;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final String ALGORITHM = "HmacSHA256";

  private final Supplier<byte[]> key;
  private final Clock clock;

  SurveyLinks(Supplier<byte[]> key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  String token(String ticketId, Instant expiresAt) {
    byte[] payload = (ticketId + "." + expiresAt.getEpochSecond()).getBytes(StandardCharsets.US_ASCII);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
  }

  Verdict check(String token) {
    if (token == null || token.length() > MAX_LENGTH) {
      return new Refused();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return new Refused();
    }
    String payload;
    try {
      payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException notBase64) {
      return new Refused();
    }
    int separator = payload.lastIndexOf('.');
    if (separator < 0) {
      return new Refused();
    }
    String ticketId = payload.substring(0, separator);
    var number = TicketId.number(ticketId);
    Instant expiresAt;
    try {
      expiresAt = Instant.ofEpochSecond(Long.parseLong(payload.substring(separator + 1)));
    } catch (NumberFormatException | java.time.DateTimeException notAnInstant) {
      return new Refused();
    }
    if (number.isEmpty() || !MessageDigest.isEqual(token(ticketId, expiresAt).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII))) {
      return new Refused();
    }
    return clock.instant().isBefore(expiresAt) ? new Valid(number.getAsLong(), expiresAt)
        : new Expired(number.getAsLong(), expiresAt);
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key.get(), ALGORITHM));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
