package org.slaescalation.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.slaescalation.ticket.InvalidTicketFilterException;
import org.slaescalation.ticket.QueryParameters;
import org.springframework.util.MultiValueMap;

/**
 * What a report covers: the tickets opened from the start of day {@code from} to the end of day {@code to} (both
 * inclusive) in the reporting zone, grouped by {@code groupBy}. A missing, repeated or unknown parameter, a date that
 * is not {@code yyyy-MM-dd} and a {@code to} before {@code from} are refused naming the parameter (a {@code 400}
 * problem body). The breach list takes the period alone ({@link #parsePeriod}).
 *
 * @param start the first instant of the period (inclusive)
 * @param end the instant after the period (exclusive): midnight after day {@code to}
 */
record ReportQuery(LocalDate from, LocalDate to, Instant start, Instant end, GroupBy groupBy) {

  /** What the rows of a report are: tickets by their segment, or by the teams that worked them. */
  enum GroupBy {
    TIER, PRIORITY, CATEGORY, CUSTOMER, TEAM;

    String code() {
      return name().toLowerCase();
    }

    static List<String> codes() {
      return Arrays.stream(values()).map(GroupBy::code).toList();
    }
  }

  private static final List<String> PARAMETERS = List.of("from", "to", "groupBy");
  private static final List<String> PERIOD_PARAMETERS = List.of("from", "to");

  static ReportQuery parse(MultiValueMap<String, String> query, ZoneId zone) {
    QueryParameters.requireKnownAndSingle(query, PARAMETERS);
    GroupBy groupBy = QueryParameters.oneOf(query, "groupBy", GroupBy.codes())
        .map(code -> GroupBy.valueOf(code.toUpperCase()))
        .orElseThrow(() -> new InvalidTicketFilterException("groupBy", "Parameter 'groupBy' is required: one of "
            + String.join(", ", GroupBy.codes())));
    return of(query, zone, groupBy);
  }

  /**
   * A period without grouping (the breach list): {@code from} and {@code to} as for {@link #parse}; {@code groupBy}
   * is an unknown parameter here. {@link #groupBy()} is null.
   */
  static ReportQuery parsePeriod(MultiValueMap<String, String> query, ZoneId zone) {
    QueryParameters.requireKnownAndSingle(query, PERIOD_PARAMETERS);
    return of(query, zone, null);
  }

  private static ReportQuery of(MultiValueMap<String, String> query, ZoneId zone, GroupBy groupBy) {
    LocalDate from = date(query, "from");
    LocalDate to = date(query, "to");
    if (to.isBefore(from)) {
      throw new InvalidTicketFilterException("to", "Parameter 'to' (" + to + ") lies before 'from' (" + from
          + "); both days are included");
    }
    return new ReportQuery(from, to, from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant(), groupBy);
  }

  private static LocalDate date(MultiValueMap<String, String> query, String parameter) {
    String value = query.getFirst(parameter);
    if (value == null || value.isBlank()) {
      throw new InvalidTicketFilterException(parameter, "Parameter '" + parameter
          + "' is required: a date such as 2031-01-31");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException notADate) {
      throw new InvalidTicketFilterException(parameter, "Parameter '" + parameter
          + "' must be a date such as 2031-01-31, got '" + value + "'");
    }
  }
}
