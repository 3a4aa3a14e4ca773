package org.slaescalation.coverage;

import java.time.Duration;
import org.slaescalation.businesstime.BusinessCalendar;

/**
 * One team's OLA on a hand-off route: its budget of business time in its calendar (decision {@code OlaBudget}).
 *
 * @param team     the team (support, engineering, sysadmin)
 * @param budget   the OLA budget, business time of {@code calendar}
 * @param calendar the calendar the OLA counts in
 */
record OlaLeg(String team, Duration budget, BusinessCalendar calendar) {

  @Override
  public String toString() {
    return team + " " + budget + " (" + calendar.name() + ")";
  }
}
