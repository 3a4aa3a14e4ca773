package org.slaescalation.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slaescalation.calendar.BusinessCalendars;
import org.slaescalation.ticket.TicketVariables;
import org.springframework.stereotype.Component;

/**
 * A team's OLA deadline for the task it is starting: decision {@code OlaBudget} gives the budget
 * and calendar for the team and the ticket's priority; the deadline is that much business time
 * from now in that calendar. User tasks use it as their Camunda due date.
 */
@Component("olaDeadlines")
public class OlaDeadlines {

  /** A team's budget for one task, from decision {@code OlaBudget}. */
  public record OlaBudget(Duration budget, String calendar) {}

  static final String DECISION = "OlaBudget";

  private final DecisionService decisionService;
  private final BusinessCalendars calendars;
  private final Clock clock;

  public OlaDeadlines(DecisionService decisionService, BusinessCalendars calendars, Clock clock) {
    this.decisionService = decisionService;
    this.calendars = calendars;
    this.clock = clock;
  }

  /** Due date of the task {@code team} starts now, for the ticket in {@code execution}. */
  public Date due(VariableScope execution, String team) {
    String priority = (String) execution.getVariable(TicketVariables.PRIORITY);
    OlaBudget ola = budget(team, priority);
    Instant due = calendars.get(ola.calendar()).due(clock.instant(), ola.budget());
    return Date.from(due);
  }

  /** Evaluates decision {@code OlaBudget}; a missing row is a modelling error and fails loudly. */
  public OlaBudget budget(String team, String priority) {
    DmnDecisionRuleResult row = decisionService.evaluateDecisionTableByKey(DECISION)
        .variables(Map.of("team", team, "priority", priority))
        .evaluate()
        .getSingleResult();
    if (row == null) {
      throw new IllegalStateException("Decision " + DECISION + " has no row for team '" + team
          + "' and priority '" + priority + "'");
    }
    return new OlaBudget(Duration.parse(row.getEntry("budget")), row.getEntry("calendar"));
  }
}
