package org.slaescalation.businesstime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JollydayHolidaySourceTest {

  @Test
  void dutchPublicHolidaysWithoutObservances() {
    JollydayHolidaySource nl = JollydayHolidaySource.of("nl");

    assertThat(nl).hasToString("NL");
    assertThat(nl.isHoliday(LocalDate.parse("2027-04-27"))).as("King's Day").isTrue();
    assertThat(nl.isHoliday(LocalDate.parse("2027-03-29"))).as("Easter Monday").isTrue();
    assertThat(nl.isHoliday(LocalDate.parse("2027-05-06"))).as("Ascension").isTrue();
    assertThat(nl.isHoliday(LocalDate.parse("2027-05-17"))).as("Whit Monday").isTrue();
    assertThat(nl.isHoliday(LocalDate.parse("2027-12-25"))).as("Christmas").isTrue();
    assertThat(nl.isHoliday(LocalDate.parse("2027-03-26"))).as("Good Friday is only an observance").isFalse();
    assertThat(nl.isHoliday(LocalDate.parse("2027-04-28"))).isFalse();
  }

  @Test
  void subdivisionAddsItsOwnHolidays() {
    JollydayHolidaySource newYork = JollydayHolidaySource.of("US-NY");
    JollydayHolidaySource federal = JollydayHolidaySource.of("US");

    assertThat(newYork).hasToString("US-NY");
    assertThat(JollydayHolidaySource.of("us", "ny")).hasToString("US-NY");
    assertThat(newYork.subdivision()).contains("NY");
    assertThat(newYork.isHoliday(LocalDate.parse("2022-10-10"))).as("Columbus Day in New York").isTrue();
    assertThat(federal.isHoliday(LocalDate.parse("2022-07-04"))).isTrue();
  }

  @Test
  void holidaysCountOnTheirObservedDateEvenInTheYearBefore() {
    JollydayHolidaySource us = JollydayHolidaySource.of("US");

    assertThat(us.holidays(2021)).contains(LocalDate.parse("2021-12-31"));
    assertThat(us.holidays(2022)).doesNotContain(LocalDate.parse("2022-01-01"), LocalDate.parse("2021-12-31"));
    assertThat(us.isHoliday(LocalDate.parse("2027-07-05"))).as("4 July 2027 is a Sunday").isTrue();
  }

  @Test
  void unknownCountryIsRejectedWithAFix() {
    assertThatThrownBy(() -> JollydayHolidaySource.of("XX"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown holiday country 'XX'")
        .hasMessageContaining("ISO 3166-1 alpha-2");
  }

  @Test
  void unknownSubdivisionIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> JollydayHolidaySource.of("US-XY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown subdivision 'XY' of country US")
        .hasMessageContaining("NY");
  }
}
