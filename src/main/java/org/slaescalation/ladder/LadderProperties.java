package org.slaescalation.ladder;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
 * @param holdOutsideHours  priorities whose escalation mails wait while a recipient's calendar is closed and go out
 *                          when it opens (default P3, P4); the others go at once, day and night
 */
@ConfigurationProperties("escalation.ladder")
@Validated
public record LadderProperties(
    @Min(1) @Max(99) int warningPercent,
    @Min(1) @Max(99) int criticalPercent,
    @Min(1) @Max(99) int olaWarningPercent,
    @NotNull Map<String, List<String>> recipients,
    @DefaultValue({"P3", "P4"}) Set<String> holdOutsideHours) {

  @ConstructorBinding
  public LadderProperties {
    holdOutsideHours = holdOutsideHours == null ? Set.of() : Set.copyOf(holdOutsideHours);
  }

  public LadderProperties(int warningPercent, int criticalPercent, int olaWarningPercent,
      Map<String, List<String>> recipients) {
    this(warningPercent, criticalPercent, olaWarningPercent, recipients, Set.of("P3", "P4"));
  }

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
