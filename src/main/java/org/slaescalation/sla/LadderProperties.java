package org.slaescalation.sla;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.ladder.*}: when warnings fire (percent of a clock's budget used) and who receives each rung.
 * The internal target's percentage comes from decision SlaPolicy; the breach is at 100 %.
 *
 * @param warningPercent    first warning on an SLA clock (default 75)
 * @param criticalPercent   last warning on an SLA clock (default 90)
 * @param olaWarningPercent warning on an OLA clock (default 75)
 * @param recipients        roles per rung: {@code internal}, {@code warning}, {@code critical}, {@code breach},
 *                          {@code ola-warning}, {@code ola-breach}; roles are {@code team}, {@code team-lead},
 *                          {@code support-manager}, {@code account-manager} (enterprise customers only)
 */
@ConfigurationProperties("escalation.ladder")
@Validated
public record LadderProperties(
    @Min(1) @Max(99) int warningPercent,
    @Min(1) @Max(99) int criticalPercent,
    @Min(1) @Max(99) int olaWarningPercent,
    @NotNull Map<String, List<String>> recipients) {

  /** The roles a rung can go to. */
  public static final Set<String> ROLES = Set.of("team", "team-lead", "support-manager", "account-manager");

  /** The rungs recipients are configured for. */
  public static final Set<String> RUNGS = Set.of("internal", "warning", "critical", "breach", "ola-warning",
      "ola-breach");

  @AssertTrue(message = "escalation.ladder.warning-percent must be below escalation.ladder.critical-percent")
  boolean isWarningBeforeCritical() {
    return warningPercent < criticalPercent;
  }

  @AssertTrue(message = "escalation.ladder.recipients: keys must be internal, warning, critical, breach, ola-warning, "
      + "ola-breach, each with at least one of the roles team, team-lead, support-manager, account-manager")
  boolean isRecipientsKnown() {
    return recipients == null || (RUNGS.containsAll(recipients.keySet()) && recipients.keySet().containsAll(RUNGS)
        && recipients.values().stream().allMatch(roles -> !roles.isEmpty() && ROLES.containsAll(roles)));
  }
}
