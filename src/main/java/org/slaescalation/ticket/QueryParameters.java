package org.slaescalation.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;

/**
 * The strict reading of a query string that the ticket listing and the SLA board share: a parameter the endpoint
 * does not know, a parameter given twice or a value outside its list is refused naming the parameter
 * ({@link InvalidTicketFilterException}, a {@code 400} problem body), instead of being ignored: a filter that is
 * silently dropped shows more tickets than the caller asked for.
 */
public final class QueryParameters {

  private QueryParameters() {}

  /** Refuses a parameter not in {@code known} (named in this order in the message) and one given twice. */
  public static void requireKnownAndSingle(MultiValueMap<String, String> query, List<String> known) {
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      if (!known.contains(parameter.getKey())) {
        throw new InvalidTicketFilterException(parameter.getKey(), "Unknown parameter '" + parameter.getKey()
            + "'; the parameters are " + String.join(", ", known.subList(0, known.size() - 1)) + " and "
            + known.get(known.size() - 1));
      }
      if (parameter.getValue().size() > 1) {
        throw new InvalidTicketFilterException(parameter.getKey(), "Parameter '" + parameter.getKey()
            + "' is given " + parameter.getValue().size() + " times; give it once");
      }
    }
  }

  /** The parameter's value, which must be one of {@code values}; empty when it is absent. */
  public static Optional<String> oneOf(MultiValueMap<String, String> query, String parameter, List<String> values) {
    String value = query.getFirst(parameter);
    if (value == null) {
      return Optional.empty();
    }
    if (!values.contains(value)) {
      throw new InvalidTicketFilterException(parameter, "Parameter '" + parameter + "' must be one of "
          + String.join(", ", values) + ", got '" + value + "'");
    }
    return Optional.of(value);
  }
}
