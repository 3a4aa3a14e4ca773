package org.slaescalation.businesstime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessTimeFormatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      PT0S       | less than 1 min
      PT59.9S    | less than 1 min
      PT1M       | 1 min
      PT45M      | 45 min
      PT1H       | 1 h
      PT2H30M    | 2 h 30 min
      PT2H30M59S | 2 h 30 min
      PT23H59M   | 23 h 59 min
      PT24H      | 1 d
      PT24H5M    | 1 d 5 min
      PT50H30M   | 2 d 2 h 30 min
      P2D        | 2 d
      PT80H      | 3 d 8 h
      -PT1H15M   | 1 h 15 min
      """)
  void businessTimeReadsLikePeopleSpeak(Duration duration, String expected) {
    assertThat(BusinessTimeFormat.duration(duration)).isEqualTo(expected);
  }

}
