package org.slaescalation.board;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.slaescalation.authorization.Roles;
import org.slaescalation.team.Team;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Whose rows a caller of the SLA board sees. Administrators and team leads (of any team) watch every team; an agent
 * sees the tickets his own teams hold, because the board shows customers and subjects of work he has no part in
 * otherwise (Tasklist shows an agent his team's tasks only). Nobody else reaches the board: the security
 * configuration refuses them before this class is asked.
 *
 * @param teams the teams whose tickets the caller sees; empty for none
 */
record BoardViewer(Set<Team> teams) {

  /** Spring Security's authority of a Camunda group, as the service's authentication provider grants it. */
  private static final String GROUP = "GROUP_";

  BoardViewer {
    teams = teams.isEmpty() ? EnumSet.noneOf(Team.class) : EnumSet.copyOf(teams);
  }

  static BoardViewer of(Authentication user) {
    if (leadOrAdministrator(user)) {
      return new BoardViewer(EnumSet.allOf(Team.class));
    }
    Set<String> groups = groups(user);
    return new BoardViewer(Arrays.stream(Team.values()).filter(team -> groups.contains(team.code()))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Team.class))));
  }

  /** A team lead (of any team) or an administrator: watches every team, and reads the reports too. */
  static boolean leadOrAdministrator(Authentication user) {
    Set<String> groups = groups(user);
    return groups.contains(Roles.ADMINISTRATORS)
        || Arrays.stream(Team.values()).anyMatch(team -> groups.contains(team.leadsGroup()));
  }

  private static Set<String> groups(Authentication user) {
    return user == null ? Set.of() : user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(GROUP)).map(a -> a.substring(GROUP.length()))
        .collect(Collectors.toSet());
  }

  /** The teams shown for a filter on {@code team} (null: no filter): never a team the caller may not see. */
  Set<Team> shown(Team team) {
    if (team == null) {
      return teams;
    }
    return teams.contains(team) ? EnumSet.of(team) : EnumSet.noneOf(Team.class);
  }
}
