package org.slaescalation.coverage;

import java.util.List;
import org.slaescalation.clock.Budget;

/** The deployed policy tables as the coverage check reads them: the rows of SlaPolicy and the budgets of OlaBudget. */
public interface PolicyTables {

  /** The decision that gives each team's budget, as messages name it. */
  String OLA_DECISION = "OlaBudget";

  /** Which versions of the tables are deployed: a check stays valid until this changes. */
  String versions();

  /** The rows of the latest deployed SlaPolicy, top to bottom. */
  List<SlaRow> slaRows();

  /** A team's budget for a priority, from the latest deployed OlaBudget. */
  Budget olaBudget(String team, String priority);
}
