package org.slaescalation.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signed survey tokens: only the exact token issued for a ticket and an expiry opens its survey, until then. */
class SurveyLinksTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant EXPIRY = Instant.parse("2026-12-15T10:00:00Z");
  private static final byte[] KEY = "a key of this test, 32 characters".getBytes(StandardCharsets.UTF_8);

  private final SurveyLinks links = new SurveyLinks(() -> KEY, Clock.fixed(NOW, ZoneOffset.UTC));
  private final String token = links.token("T-10001", EXPIRY);

  @Test
  void theIssuedTokenOpensItsTicketsSurveyUntilItsExpiry() {
    assertThat(links.check(token)).isEqualTo(new SurveyLinks.Valid(10001, EXPIRY));
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
  }

  @Test
  void aTokenPastItsExpiryIsExpiredNotValid() {
    SurveyLinks later = new SurveyLinks(() -> KEY, Clock.fixed(EXPIRY, ZoneOffset.UTC));

    assertThat(later.check(token)).as("at the expiry itself").isEqualTo(new SurveyLinks.Expired(10001, EXPIRY));
  }

  @Test
  void anotherTicketIdUnderTheSameSignatureIsRefused() {
    assertThat(links.check(withPayload("T-10002." + EXPIRY.getEpochSecond()))).isEqualTo(new SurveyLinks.Refused());
  }

  @Test
  void aLaterExpiryUnderTheSameSignatureIsRefused() {
    assertThat(links.check(withPayload("T-10001." + EXPIRY.plusSeconds(86_400).getEpochSecond())))
        .isEqualTo(new SurveyLinks.Refused());
  }

  @Test
  void aChangedSignatureIsRefused() {
    String signature = token.substring(token.indexOf('.') + 1);
    char last = signature.charAt(signature.length() - 1);
    String changed = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(links.check(changed)).isEqualTo(new SurveyLinks.Refused());
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    SurveyLinks forger = new SurveyLinks(() -> "a key some forger guessed at, 32".getBytes(StandardCharsets.UTF_8),
        Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(links.check(forger.token("T-10001", EXPIRY))).isEqualTo(new SurveyLinks.Refused());
  }

  @Test
  void anotherSpellingOfTheSameBytesIsRefused() {
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.') + 1);

    assertThat(links.check(payload + "==." + signature)).as("padded").isEqualTo(new SurveyLinks.Refused());
    assertThat(links.check(token + ".")).as("a dot more").isEqualTo(new SurveyLinks.Refused());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "nonsense", "not base64!.abc", "VC0xMDAwMQ.abc", "eC4x.abc"})
  void madeUpTokensAreRefused(String madeUp) {
    assertThat(links.check(madeUp)).isEqualTo(new SurveyLinks.Refused());
  }

  @Test
  void anOverlongTokenIsRefusedUnread() {
    assertThat(links.check(token + "A".repeat(SurveyLinks.MAX_LENGTH))).isEqualTo(new SurveyLinks.Refused());
  }

  private String withPayload(String payload) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII))
        + token.substring(token.indexOf('.'));
  }
}
