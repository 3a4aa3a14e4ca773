package org.slaescalation.staffing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/staffing/erlang-c}: the agents a queue needs for a service level ({@link ErlangC}), for a team
 * lead who wants to try "what if twice as many tickets came in?". Every refusal is a {@code 400} problem body that
 * names the parameter; nothing a caller sends is a {@code 500}.
 */
@RestController
@RequestMapping(path = "/api/staffing", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Staffing", description = "Agents needed per team and hour to meet the targets (Erlang C)")
class ErlangCController {

  @GetMapping("/erlang-c")
  @Operation(summary = "The smallest number of agents whose share of tasks waiting at most targetMinutes reaches"
      + " serviceLevel", description = "Erlang C: Poisson arrivals, exponential handling times, one first-come,"
          + " first-served queue, no abandonment. At most " + ErlangC.MAX_AGENTS + " agents.")
  ErlangCView erlangC(@RequestParam(required = false) String arrivalsPerHour,
      @RequestParam(required = false) String handleMinutes, @RequestParam(required = false) String targetMinutes,
      @RequestParam(required = false) String serviceLevel) {
    double arrivals = number("arrivalsPerHour", arrivalsPerHour);
    double handle = number("handleMinutes", handleMinutes);
    double target = number("targetMinutes", targetMinutes);
    double level = number("serviceLevel", serviceLevel);
    if (arrivals < 0) {
      throw new BadParameterException("arrivalsPerHour", "must not be negative, got '" + arrivalsPerHour + "'");
    }
    if (handle <= 0) {
      throw new BadParameterException("handleMinutes", "must be more than 0, got '" + handleMinutes + "'");
    }
    if (target < 0) {
      throw new BadParameterException("targetMinutes", "must not be negative, got '" + targetMinutes + "'");
    }
    if (!(level > 0 && level < 1)) {
      throw new BadParameterException("serviceLevel",
          "must lie strictly between 0 and 1 (0.8 for 80 %), got '" + serviceLevel + "'");
    }
    try {
      return ErlangCView.of(ErlangC.required(arrivals, handle, target, level));
    } catch (ErlangC.BeyondLimitException beyond) {
      throw new BadParameterException("arrivalsPerHour", "with handleMinutes " + handleMinutes + " is beyond this"
          + " calculator: " + beyond.getMessage() + " (load = arrivalsPerHour × handleMinutes / 60)");
    }
  }

  @ExceptionHandler(BadParameterException.class)
  ProblemDetail badParameter(BadParameterException e) {
    return e.problem();
  }

  /** A finite decimal number: {@code NaN}, {@code Infinity} and numbers beyond a double are refused. */
  static double number(String parameter, String value) {
    if (value == null || value.isBlank()) {
      throw new BadParameterException(parameter, "is required");
    }
    try {
      double number = Double.parseDouble(value.strip());
      if (Double.isFinite(number) && value.strip().matches("[-+]?[0-9.eE+-]+")) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw new BadParameterException(parameter, "must be a decimal number such as 12.5, got '" + value + "'");
  }

  /** The calculator's answer; times in minutes, shares from 0 to 1. */
  record ErlangCView(int agents, double serviceLevel, double occupancy, double probabilityOfWaiting,
      double averageSpeedOfAnswerMinutes) {

    static ErlangCView of(ErlangC.Staffing staffing) {
      return new ErlangCView(staffing.agents(), staffing.serviceLevel(), staffing.occupancy(),
          staffing.probabilityOfWaiting(), staffing.averageSpeedOfAnswerMinutes());
    }
  }

  /** A request parameter the staffing API cannot use: {@code 400}, naming it. */
  static final class BadParameterException extends RuntimeException {

    private final String parameter;

    BadParameterException(String parameter, String problem) {
      super("Parameter '" + parameter + "' " + problem);
      this.parameter = parameter;
    }

    ProblemDetail problem() {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, getMessage());
      problem.setTitle("Invalid request parameter");
      problem.setType(URI.create("urn:problem:sla-escalation:invalid-parameter"));
      problem.setProperty("parameter", parameter);
      return problem;
    }
  }
}
