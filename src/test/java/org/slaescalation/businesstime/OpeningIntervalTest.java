package org.slaescalation.businesstime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpeningIntervalTest {

  @ParameterizedTest(name = "{0} is {1} long and prints as {2}")
  @CsvSource({
      "08:30-12:00,      PT3H30M, 08:30-12:00",
      "' 13:00 - 24:00 ', PT11H,   13:00-24:00",
      "00:00-24:00,      PT24H,   00:00-24:00",
      "22:00-00:00,      PT2H,    22:00-24:00",
      "09:00:30-10:00,   PT59M30S, 09:00:30-10:00"
  })
  void parses(String text, Duration length, String printed) {
    OpeningInterval interval = OpeningInterval.parse(text);

    assertThat(interval.length()).isEqualTo(length);
    assertThat(interval).hasToString(printed);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "13:00-12:00 | closes before it opens",
      "12:00-12:00 | closes before it opens",
      "08:30       | write it as HH:mm-HH:mm",
      "8h-12h      | invalid time '8h'",
      "08:00-25:00 | invalid time '25:00'",
      "24:00-24:00 | invalid time '24:00'",
      "00:00-00:00 | write 00:00-24:00 for a whole day",
      "08:00-12:00-13:00 | write it as HH:mm-HH:mm"
  })
  void rejects(String text, String message) {
    assertThatThrownBy(() -> OpeningInterval.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0} and {1} overlap: {2}")
  @CsvSource({
      "08:00-12:00, 11:00-13:00, true",
      "08:00-12:00, 12:00-13:00, false",
      "22:00-24:00, 23:00-23:30, true",
      "00:00-06:00, 22:00-24:00, false"
  })
  void overlaps(String first, String second, boolean overlapping) {
    assertThat(OpeningInterval.parse(first).overlaps(OpeningInterval.parse(second))).isEqualTo(overlapping);
    assertThat(OpeningInterval.parse(second).overlaps(OpeningInterval.parse(first))).isEqualTo(overlapping);
  }

  @Test
  void untilEndOfDayClosesAt24() {
    OpeningInterval evening = OpeningInterval.untilEndOfDay(LocalTime.of(22, 0));

    assertThat(evening.closesAtEndOfDay()).isTrue();
    assertThat(evening.closeSecondOfDay()).isEqualTo(86_400);
    assertThat(evening).isEqualTo(OpeningInterval.parse("22:00-24:00"));
  }
}
