package org.slaescalation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shipped {@code calendars.yaml}, loaded by Boot's own configuration-data processing, and its merge with a file
 * from {@code --spring.config.additional-location}. {@code calendar-test/application.yaml} imports it the way the
 * service's {@code application.yaml} does, so precedence is as in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShippedCalendarsTest {

  private static ConfigurableApplicationContext start(String... args) {
    String[] withLocation = Stream.concat(Stream.of("--spring.config.location=classpath:/calendar-test/"),
        Stream.of(args)).toArray(String[]::new);
    return new SpringApplicationBuilder(CalendarConfiguration.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .run(withLocation);
  }

  @Test
  void shipsTheTeamCalendarsAnd24x7() {
    try (ConfigurableApplicationContext context = start()) {
      BusinessCalendars calendars = context.getBean(BusinessCalendars.class);

      assertThat(calendars.names())
          .containsExactly("24x7", "business-hours-us", "engineering", "support", "sysadmin");
      assertThat(calendars.get("support").zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
      assertThat(calendars.get("support").weeklyOpenTime()).isEqualTo(Duration.parse("PT38H30M"));
      assertThat(calendars.get("engineering").weeklyOpenTime()).isEqualTo(Duration.ofHours(45));
      assertThat(calendars.get("sysadmin").weeklyOpenTime()).isEqualTo(Duration.ofDays(7));
      assertThat(calendars.get("24x7").weeklyOpenTime()).isEqualTo(Duration.ofDays(7));
      assertThat(calendars.get("business-hours-us").holidaySource()).hasToString("US");
      assertThat(calendars.get("support").due(Instant.parse("2026-12-23T16:00:00Z"), Duration.ofHours(1)))
          .as("Wed 23 Dec 2026 17:00 CET + 1h → Mon 28 Dec 09:00 CET: closed 24 Dec, Christmas")
          .isEqualTo(Instant.parse("2026-12-28T08:00:00Z"));
    }
  }

  @Test
  void additionalConfigurationAddsCalendarsAndOverridesSingleProperties(@TempDir Path dir) throws IOException {
    Path extra = dir.resolve("calendars-customers.yaml");
    Files.writeString(extra, """
        escalation:
          calendars:
            customer-tokyo:
              zone: Asia/Tokyo
              holidays: JP
              weekly-hours:
                MONDAY: ["09:00-18:00"]
                TUESDAY: ["09:00-18:00"]
            engineering:
              holidays: DE
        """);

    try (ConfigurableApplicationContext context = start(
        "--spring.config.additional-location=file:" + extra.toAbsolutePath())) {
      BusinessCalendars calendars = context.getBean(BusinessCalendars.class);

      assertThat(calendars.names())
          .containsExactly("24x7", "business-hours-us", "customer-tokyo", "engineering", "support", "sysadmin");
      assertThat(calendars.get("customer-tokyo").zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
      assertThat(calendars.get("engineering").holidaySource()).hasToString("DE");
      assertThat(calendars.get("engineering").zone()).as("kept from calendars.yaml")
          .isEqualTo(ZoneId.of("Europe/Amsterdam"));
      assertThat(calendars.get("support").holidaySource()).hasToString("NL");
    }
  }

  @Test
  void badOverrideStopsStartUpWithAReportNamingTheProperty(CapturedOutput output) {
    assertThat(catchThrowable(
            () -> start("--escalation.calendars.support.weekly-hours.TUESDAY=08:30-12:00,11:00-13:00")))
        .hasRootCauseInstanceOf(InvalidCalendarConfigurationException.class);
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("escalation.calendars.support.weekly-hours.TUESDAY[1] = \"11:00-13:00\": overlaps TUESDAY[0]")
        .contains("Fix the properties listed above");
  }
}
