package org.slaescalation.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code escalation.calendars} and publishes the validated {@link BusinessCalendars}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

  /** All configured calendars; start-up fails here if one is invalid. */
  @Bean
  public BusinessCalendars businessCalendars(CalendarProperties properties) {
    return new BusinessCalendars(properties);
  }
}
