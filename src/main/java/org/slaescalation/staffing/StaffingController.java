package org.slaescalation.staffing;

import io.swagger.v3.oas.annotations.Operation;
import org.slaescalation.staffing.ErlangCController.BadParameterException;
import org.slaescalation.team.Team;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/staffing?team=<team>&serviceLevel=<0..1>}: a team's {@link StaffingPlan}, for its leads and the
 * administrators, to see before the breaches which hours the roster cannot cover.
 */
@RestController
@RequestMapping(path = "/api/staffing", produces = MediaType.APPLICATION_JSON_VALUE)
class StaffingController {

  private final StaffingPlan plan;

  StaffingController(StaffingPlan plan) {
    this.plan = plan;
  }

  @GetMapping
  @Operation(summary = "Agents a team needs per open hour of its calendar to meet its OLA targets, beside its roster",
      description = "From the team's tasks over escalation.staffing.window: arrivals per open hour, mean handling"
          + " time, the OLA budgets of OlaBudget; Erlang C. serviceLevel defaults to"
          + " escalation.staffing.service-level.")
  StaffingPlan.Plan staffing(@RequestParam(required = false) String team,
      @RequestParam(required = false) String serviceLevel) {
    if (team == null || team.isBlank()) {
      throw new BadParameterException("team", "is required: support, engineering or sysadmin");
    }
    if (Team.fromCode(team).isEmpty()) {
      throw new BadParameterException("team", "must be support, engineering or sysadmin, got '" + team + "'");
    }
    double level = plan.defaultServiceLevel();
    if (serviceLevel != null) {
      level = ErlangCController.number("serviceLevel", serviceLevel);
      if (!(level > 0 && level < 1)) {
        throw new BadParameterException("serviceLevel",
            "must lie strictly between 0 and 1 (0.8 for 80 %), got '" + serviceLevel + "'");
      }
    }
    return plan.plan(team, level);
  }

  @ExceptionHandler(BadParameterException.class)
  ProblemDetail badParameter(BadParameterException e) {
    return e.problem();
  }
}
