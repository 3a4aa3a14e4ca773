package org.slaescalation.staffing;

import java.time.Clock;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.coverage.PolicyTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The roster, checked at start-up, and the staffing plan over the engine's history. */
@Configuration(proxyBeanMethods = false)
class StaffingConfiguration {

  @Bean
  Roster roster(StaffingProperties properties) {
    return Roster.of(properties);
  }

  @Bean
  StaffingPlan staffingPlan(TeamTasks tasks, BusinessCalendars calendars, PolicyTables policy, Roster roster,
      StaffingProperties properties, Clock clock) {
    return new StaffingPlan(tasks, calendars, policy, roster, properties, clock);
  }
}
