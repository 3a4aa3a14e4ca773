package org.slaescalation.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The roster's value format, {@code HH:mm-HH:mm=<agents>,...}, and its start-up check: each mistake names its
 * property, and Boot's failure report says how to fix it.
 */
class StaffingRosterTest {

  private static Roster roster(String team, String day, String value) {
    return Roster.of(new StaffingProperties(Duration.ofDays(28), 0.8, Map.of(team, Map.of(day, value))));
  }

  @Test
  void aSlotIsCoveredOnlyAsWellAsItsWorstMoment() {
    Roster roster = roster("support", "MONDAY", "09:00-12:00=3, 12:00-17:00=4,17:00-24:00=1");

    assertThat(roster.has("support")).isTrue();
    assertThat(roster.has("engineering")).isFalse();
    assertThat(roster.fewestAgents("support", DayOfWeek.MONDAY, 9 * 3600, 10 * 3600)).isEqualTo(3);
    assertThat(roster.fewestAgents("support", DayOfWeek.MONDAY, 11 * 3600 + 1800, 12 * 3600 + 1800)).isEqualTo(3);
    assertThat(roster.fewestAgents("support", DayOfWeek.MONDAY, 12 * 3600, 13 * 3600)).isEqualTo(4);
    assertThat(roster.fewestAgents("support", DayOfWeek.MONDAY, 23 * 3600, 24 * 3600)).isEqualTo(1);
    assertThat(roster.fewestAgents("support", DayOfWeek.MONDAY, 8 * 3600, 9 * 3600)).as("before the first shift")
        .isZero();
    assertThat(roster.fewestAgents("support", DayOfWeek.MONDAY, 8 * 3600 + 1800, 9 * 3600 + 1800))
        .as("half of it before the first shift").isZero();
    assertThat(roster.fewestAgents("support", DayOfWeek.TUESDAY, 9 * 3600, 10 * 3600)).as("no roster that day")
        .isZero();
  }

  @Test
  void aGapBetweenShiftsHasNoAgent() {
    Roster roster = roster("support", "monday", "08:30-12:00=2,13:00-17:30=2");

    assertThat(roster.fewestAgents("support", DayOfWeek.MONDAY, 11 * 3600, 14 * 3600)).isZero();
    assertThat(roster.fewestAgents("support", DayOfWeek.MONDAY, 13 * 3600, 14 * 3600)).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown team      | marketing | MONDAY | 09:00-12:00=3               | marketing: no team
      unknown day       | support   | MONTAG | 09:00-12:00=3               | support.MONTAG: 'MONTAG' is no weekday
      no agents | support | MONDAY | 09:00-12:00 | support.MONDAY = 09:00-12:00: '09:00-12:00' has no
      bad interval | support | MONDAY | 9-12=3 | support.MONDAY = 9-12=3: '9-12' has an invalid
      reversed interval | support | MONDAY | 12:00-09:00=3 | support.MONDAY = 12:00-09:00=3: interval 12:00
      negative agents | support | MONDAY | 09:00-12:00=-1 | '-1' agents in 09:00-12:00 is not a whole number
      too many agents   | support   | MONDAY | 09:00-12:00=10001           | from 0 to 10000
      overlap           | support   | MONDAY | 09:00-12:00=3;11:00-13:00=2 | 09:00-12:00 and 11:00-13:00 overlap""")
  void aMistakeStopsStartUpNamingTheProperty(String reason, String team, String day, String value, String message) {
    assertThatThrownBy(() -> roster(team, day, value.replace(';', ',')))
        .as(reason)
        .isInstanceOf(InvalidStaffingConfigurationException.class)
        .hasMessageContaining("escalation.staffing.roster." + team)
        .hasMessageContaining(message);
  }

  @Test
  void startUpFailsWithTheProblemsAndTheFix() {
    InvalidStaffingConfigurationException problem = catchThrowableOfType(InvalidStaffingConfigurationException.class,
        () -> roster("support", "MONDAY", "09:00-12:00"));

    FailureAnalysis analysis = new InvalidStaffingConfigurationFailureAnalyzer().analyze(problem);

    assertThat(analysis.getDescription()).startsWith("Invalid staffing configuration:")
        .contains("escalation.staffing.roster.support.MONDAY");
    assertThat(analysis.getAction()).contains("escalation.staffing properties");
  }

  @Test
  void theWindowAndServiceLevelAreChecked() {
    assertThatThrownBy(() -> Roster.of(new StaffingProperties(Duration.ZERO, 1.5, Map.of())))
        .isInstanceOf(InvalidStaffingConfigurationException.class)
        .hasMessageContaining("escalation.staffing.window = PT0S")
        .hasMessageContaining("escalation.staffing.service-level = 1.5");
  }
}
