package org.slaescalation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.calendar.CalendarProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The calendars of the shipped calendars.yaml, bound as the application binds them, without a Spring context. */
public final class ShippedCalendars {

  private static BusinessCalendars calendars;

  private ShippedCalendars() {}

  public static synchronized BusinessCalendars get() {
    if (calendars == null) {
      try {
        var sources = new YamlPropertySourceLoader().load("calendars.yaml", new ClassPathResource("calendars.yaml"));
        CalendarProperties properties = new Binder(ConfigurationPropertySources.from(sources))
            .bind("escalation", CalendarProperties.class)
            .get();
        calendars = new BusinessCalendars(properties);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return calendars;
  }
}
