package org.slaescalation.board;

import static org.slaescalation.ticket.QueryParameters.oneOf;

import java.util.Arrays;
import java.util.List;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.Coded;
import org.slaescalation.ticket.Priority;
import org.slaescalation.ticket.QueryParameters;
import org.slaescalation.ticket.Tier;
import org.springframework.util.MultiValueMap;

/**
 * The filters of {@code GET /api/board} and the page {@code /board}, all optional and combined with <i>and</i>:
 * the team that holds the ticket, its tier and priority, and the row's {@link BoardState}. An unknown parameter, one
 * given twice or an unknown value is refused naming the parameter, as the ticket listing refuses it.
 */
record BoardFilter(Team team, String tier, String priority, BoardState state) {

  static final BoardFilter NONE = new BoardFilter(null, null, null, null);

  private static final List<String> PARAMETERS = List.of("team", "tier", "priority", "state");

  static BoardFilter parse(MultiValueMap<String, String> query) {
    QueryParameters.requireKnownAndSingle(query, PARAMETERS);
    return new BoardFilter(
        oneOf(query, "team", Arrays.stream(Team.values()).map(Team::code).toList())
            .flatMap(Team::fromCode).orElse(null),
        oneOf(query, "tier", Coded.codes(Tier.class)).orElse(null),
        oneOf(query, "priority", Coded.codes(Priority.class)).orElse(null),
        oneOf(query, "state", Arrays.stream(BoardState.values()).map(BoardState::code).toList())
            .map(BoardState::of).orElse(null));
  }
}
