package org.slaescalation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Binding and start-up validation of {@code escalation.calendars}, without the rest of the application. */
class CalendarConfigurationValidationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(CalendarConfiguration.class)
      .withPropertyValues(
          "escalation.calendars.office.zone=Europe/Amsterdam",
          "escalation.calendars.office.holidays=NL",
          "escalation.calendars.office.closed-dates[0]=2026-12-24",
          "escalation.calendars.office.closed-dates[1]=2026-12-31",
          "escalation.calendars.office.weekly-hours.MONDAY[0]=08:30-12:00",
          "escalation.calendars.office.weekly-hours.MONDAY[1]=13:00-17:30",
          "escalation.calendars.office.weekly-hours.FRIDAY[0]=08:30-16:00");

  @Test
  void bindsAValidCalendar() {
    runner.run(context -> {
      BusinessCalendars calendars = context.getBean(BusinessCalendars.class);

      assertThat(calendars.names()).containsExactly("office");
      assertThat(calendars.get("office").weeklyOpenTime()).isEqualTo(Duration.parse("PT15H30M"));
      assertThat(calendars.get("office").holidaySource()).hasToString("NL");
      assertThat(calendars.get("office").closedDates(2026)).contains(LocalDate.parse("2026-12-31"));
      assertThat(calendars.get("office").due(Instant.parse("2027-01-15T14:00:00Z"), Duration.ofHours(2)))
          .as("Fri 15:00 CET + 2h → Mon 10:30 CET: 1h Friday, Monday from 08:30")
          .isEqualTo(Instant.parse("2027-01-18T08:30:00Z"));
    });
  }

  /** The application class also scans for {@code @ConfigurationProperties}: the properties must bind once. */
  @Test
  void worksAlongsideConfigurationPropertiesScan() {
    runner.withUserConfiguration(ScanningApplication.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(CalendarProperties.class);
      assertThat(context.getBean(BusinessCalendars.class).names()).containsExactly("office");
    });
  }

  @Configuration(proxyBeanMethods = false)
  @ConfigurationPropertiesScan(basePackageClasses = CalendarProperties.class)
  static class ScanningApplication {}

  @Test
  void noCalendarsAtAllIsValid() {
    new ApplicationContextRunner().withUserConfiguration(CalendarConfiguration.class)
        .run(context -> assertThat(context.getBean(BusinessCalendars.class).names()).isEmpty());
  }

  @ParameterizedTest(name = "{0}={1} → {2}")
  @CsvSource(delimiter = '|', value = {
      "escalation.calendars.office.zone | Mars/Olympus_Mons"
          + " | escalation.calendars.office.zone = \"Mars/Olympus_Mons\": unknown time zone; use an IANA time zone id",
      "escalation.calendars.office.weekly-hours.MONDAY[1] | 13:00-12:00"
          + " | escalation.calendars.office.weekly-hours.MONDAY[1] = \"13:00-12:00\": interval 13:00-12:00 closes"
          + " before it opens; write the opening time first, and 24:00 for the end of the day",
      "escalation.calendars.office.weekly-hours.MONDAY[1] | 11:00-13:00"
          + " | escalation.calendars.office.weekly-hours.MONDAY[1] = \"11:00-13:00\": overlaps MONDAY[0]"
          + " = \"08:30-12:00\"; make the intervals of a day disjoint or merge them",
      "escalation.calendars.office.weekly-hours.FRIDAY[0] | 8.30-16"
          + " | escalation.calendars.office.weekly-hours.FRIDAY[0] = \"8.30-16\": '8.30-16' has an invalid time"
          + " '8.30'; write it as HH:mm-HH:mm",
      "escalation.calendars.office.holidays | XX"
          + " | escalation.calendars.office.holidays = \"XX\": unknown holiday country 'XX'; use an ISO 3166-1"
          + " alpha-2 code",
      "escalation.calendars.office.holidays | NL-ZZ"
          + " | escalation.calendars.office.holidays = \"NL-ZZ\": unknown subdivision 'ZZ' of country NL",
      "escalation.calendars.office.closed-dates[1] | 2026-12-32"
          + " | escalation.calendars.office.closed-dates[1] = \"2026-12-32\": not a date; write it as yyyy-MM-dd"
  })
  void badCalendarStopsStartUpNamingThePropertyAndTheFix(String property, String value, String message) {
    runner.withPropertyValues(property + "=" + value).run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      InvalidCalendarConfigurationException cause = findCause(failure);

      assertThat(cause.problems()).singleElement().asString().startsWith(message);
      FailureAnalysis analysis = new InvalidCalendarConfigurationFailureAnalyzer().analyze(failure);
      assertThat(analysis.getDescription()).contains(message);
      assertThat(analysis.getAction()).contains("Fix the properties listed above");
    });
  }

  @Test
  void missingZoneAndHoursAreReportedTogether() {
    new ApplicationContextRunner()
        .withUserConfiguration(CalendarConfiguration.class)
        .withPropertyValues("escalation.calendars.empty.holidays=NL")
        .run(context -> assertThat(findCause(context.getStartupFailure()).problems()).containsExactly(
            "escalation.calendars.empty.zone: is missing; set an IANA time zone id such as Europe/Amsterdam or UTC",
            "escalation.calendars.empty.weekly-hours: no opening hours, so nothing would ever be due; add intervals"
                + " per weekday, e.g. MONDAY: [\"09:00-17:00\"], or 00:00-24:00 on every day for 24/7"));
  }

  @Test
  void unknownWeekdayFailsBinding() {
    runner.withPropertyValues("escalation.calendars.office.weekly-hours.MOONDAY[0]=09:00-17:00")
        .run(context -> assertThat(context).hasFailed()
            .getFailure().rootCause().hasMessageContaining("MOONDAY"));
  }

  @Test
  void unknownCalendarNamesTheKnownOnes() {
    runner.run(context -> {
      BusinessCalendars calendars = context.getBean(BusinessCalendars.class);

      assertThat(catchThrowable(() -> calendars.get("sales")))
          .isInstanceOf(UnknownCalendarException.class)
          .hasMessage("no calendar named 'sales'; configured calendars: office");
    });
  }

  private static InvalidCalendarConfigurationException findCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidCalendarConfigurationException invalid) {
        return invalid;
      }
    }
    throw new AssertionError("no InvalidCalendarConfigurationException in " + failure, failure);
  }
}
