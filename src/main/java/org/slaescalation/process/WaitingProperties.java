package org.slaescalation.process;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code escalation.waiting.*}: how long a ticket waits on the customer before the service reminds them once
 * ({@code reminder-after}, default 2 business days) and before it closes the ticket ({@code close-after}, default 5
 * business days). Both count business days of the ticket's SLA calendar from the start of the wait
 * ({@link org.slaescalation.businesstime.BusinessCalendar#plusBusinessDays}); write them as {@code 2d} or {@code P2D}.
 */
@ConfigurationProperties("escalation.waiting")
public record WaitingProperties(@DefaultValue("2d") Period reminderAfter, @DefaultValue("5d") Period closeAfter) {

  public WaitingProperties {
    days("escalation.waiting.reminder-after", reminderAfter);
    days("escalation.waiting.close-after", closeAfter);
    if (closeAfter.getDays() <= reminderAfter.getDays()) {
      throw new IllegalArgumentException("escalation.waiting.close-after (" + closeAfter.getDays()
          + " days) must be longer than escalation.waiting.reminder-after (" + reminderAfter.getDays()
          + " days): the reminder comes before the close");
    }
  }

  private static void days(String property, Period period) {
    if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 1) {
      throw new IllegalArgumentException(property + " must be a whole number of business days, at least 1 (e.g. 2d),"
          + " was " + period);
    }
  }
}
