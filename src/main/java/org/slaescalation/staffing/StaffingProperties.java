package org.slaescalation.staffing;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code escalation.staffing.*}: how far back the staffing view looks, the service level it staffs for unless a
 * request asks for another, and each team's roster. The roster stays text here and is checked by {@link Roster},
 * so that a mistake stops start-up with a message naming the property instead of a binder's type error.
 *
 * @param window how much history the arrival rates and handling times come from (default 28 days: four of each
 *               hour of the week)
 * @param serviceLevel the share of tasks that must wait at most their target, in (0, 1) (default 0.8)
 * @param roster per team and day ({@code MONDAY} ... {@code SUNDAY}) the agents on duty, as
 *               {@code HH:mm-HH:mm=<agents>} intervals separated by commas, in the team calendar's zone
 */
@ConfigurationProperties("escalation.staffing")
public record StaffingProperties(@DefaultValue("P28D") Duration window, @DefaultValue("0.8") double serviceLevel,
    Map<String, Map<String, String>> roster) {

  public StaffingProperties {
    roster = roster == null ? Map.of() : roster;
  }
}
