package org.slaescalation.ladder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.contacts.*}: who receives escalations, and in which time zone they read the due time.
 *
 * @param teams          per team ({@code support}, {@code engineering}, {@code sysadmin}): the team's mailbox
 *                       ({@code team}) and its lead ({@code lead})
 * @param supportManager the support manager
 * @param accountManager the account managers, for enterprise customers
 */
@ConfigurationProperties("escalation.contacts")
@Validated
public record ContactProperties(
    @NotEmpty Map<String, @Valid TeamContacts> teams,
    @NotNull @Valid Contact supportManager,
    @NotNull @Valid Contact accountManager) {

  @AssertTrue(message = "escalation.contacts.teams needs support, engineering and sysadmin")
  boolean isEveryTeamReachable() {
    return teams == null || teams.keySet().containsAll(
        java.util.Arrays.stream(org.slaescalation.team.Team.values()).map(t -> t.code()).toList());
  }

  /** The zone the team {@code team} ({@code support}, ...) reads times in: its mailbox's; UTC for no such team. */
  public ZoneId teamZone(String team) {
    TeamContacts contacts = team == null || teams == null ? null : teams.get(team);
    return contacts == null ? java.time.ZoneOffset.UTC : contacts.team().zone();
  }

  /**
   * A mailbox, the time zone its reader lives in, and the business calendar whose open hours they read mail in
   * (P3 and P4 escalations wait for it to open, see {@code escalation.ladder.hold-outside-hours}); a team's
   * contacts default to the team's calendar, the managers to {@code support}.
   */
  public record Contact(@NotBlank @Email String email, @NotNull ZoneId zone, String calendar) {

    @ConstructorBinding
    public Contact {}

    public Contact(String email, ZoneId zone) {
      this(email, zone, null);
    }
  }

  /** A team's mailbox and its lead. */
  public record TeamContacts(@NotNull @Valid Contact team, @NotNull @Valid Contact lead) {}
}
