package org.slaescalation.ticket;

import static org.slaescalation.ticket.QueryParameters.oneOf;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slaescalation.team.Team;
import org.springframework.util.MultiValueMap;

/**
 * What {@code GET /api/tickets} lists: every filter is optional, a page is {@code size} tickets (1 to 100, default
 * 20) from {@code page} (0-based, default 0), newest first. An unknown parameter, a parameter given twice or an
 * unknown value is refused naming the parameter ({@link InvalidTicketFilterException}).
 */
public record TicketFilter(String status, Team team, String tier, String priority, Boolean breached,
    Boolean atRisk, int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  static final List<String> STATUSES = List.of(TicketView.OPEN, TicketView.WAITING_ON_CUSTOMER,
      TicketView.RESOLVED, TicketView.CLOSED, TicketView.CANCELLED);
  private static final List<String> PARAMETERS = List.of("status", "team", "tier", "priority", "breached", "atRisk",
      "page", "size");

  /** The filter of a query string; refuses what it does not know. */
  public static TicketFilter parse(MultiValueMap<String, String> query) {
    QueryParameters.requireKnownAndSingle(query, PARAMETERS);
    return new TicketFilter(
        oneOf(query, "status", STATUSES).orElse(null),
        oneOf(query, "team", Arrays.stream(Team.values()).map(Team::code).toList())
            .flatMap(Team::fromCode).orElse(null),
        oneOf(query, "tier", Coded.codes(Tier.class)).orElse(null),
        oneOf(query, "priority", Coded.codes(Priority.class)).orElse(null),
        oneOf(query, "breached", List.of("true", "false")).map(Boolean::valueOf).orElse(null),
        oneOf(query, "atRisk", List.of("true", "false")).map(Boolean::valueOf).orElse(null),
        number(query, "page", 0, Integer.MAX_VALUE / MAX_SIZE).orElse(0),
        number(query, "size", 1, MAX_SIZE).orElse(DEFAULT_SIZE));
  }

  private static Optional<Integer> number(MultiValueMap<String, String> query, String parameter, int min, int max) {
    String value = query.getFirst(parameter);
    if (value == null) {
      return Optional.empty();
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return Optional.of(number);
      }
    } catch (NumberFormatException notANumber) {
      // refused below, with the range
    }
    throw new InvalidTicketFilterException(parameter, "Parameter '" + parameter + "' must be a whole number from "
        + min + " to " + max + ", got '" + value + "'");
  }
}
