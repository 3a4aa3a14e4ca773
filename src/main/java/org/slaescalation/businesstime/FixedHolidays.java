package org.slaescalation.businesstime;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

record FixedHolidays(Set<LocalDate> dates) implements HolidaySource {

  FixedHolidays {
    dates = Set.copyOf(dates);
  }

  @Override
  public boolean isHoliday(LocalDate date) {
    return dates.contains(date);
  }

  @Override
  public Set<LocalDate> holidays(int year) {
    return dates.stream().filter(d -> d.getYear() == year).collect(Collectors.toUnmodifiableSet());
  }
}
