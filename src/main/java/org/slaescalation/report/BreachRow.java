package org.slaescalation.report;

import java.time.Instant;
import java.util.List;

/**
 * One breached SLA clock of {@code GET /api/reports/breaches}: which ticket, when, its budget, and which teams used
 * that budget.
 *
 * @param clock {@code first-response} or {@code resolution}
 * @param budget the clock's budget (ISO duration of business time)
 * @param consumedBy the teams whose OLA stints ran while the clock counted, largest share first
 * @param taskUrl the ticket's task in Tasklist as the SLA board links it, or the ticket's API address without a task
 */
record BreachRow(String ticketId, String clock, String tier, String priority, String category, String customer,
    Instant breachedAt, String budget, List<Consumer> consumedBy, String taskUrl) {

  /**
   * A team's share of a breached clock's budget.
   *
   * @param stints the team's OLA stints that overlap the clock's span up to the breach
   * @param businessTime business time (in the SLA clock's calendar) those stints ran within that span, pauses not
   *                     counted
   * @param olaBudget the sum of those stints' OLA budgets
   * @param olaBreached whether any of those stints breached its OLA
   */
  record Consumer(String team, int stints, String businessTime, String olaBudget, boolean olaBreached) {}
}
