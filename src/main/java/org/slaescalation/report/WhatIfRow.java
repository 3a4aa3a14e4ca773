package org.slaescalation.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One group of {@code POST /api/reports/what-if}: how its closed tickets' SLA clocks actually ended, how they would
 * have ended under the uploaded policy, and how many tickets the two disagree on.
 *
 * @param changed the tickets of the group whose first response or resolution ends differently (met, breached or
 *                neither) under the uploaded policy
 */
record WhatIfRow(String group, int tickets, Side actual, Side whatIf, int changed) {

  /** The page's four cells, in its column order: first response actual and what-if, then resolution (public: the
   * template calls it). */
  @JsonIgnore
  public List<ReportRow.Compliance> cells() {
    return List.of(actual.firstResponse(), whatIf.firstResponse(), actual.resolution(),
        whatIf.resolution());
  }

  /** The compliance of both SLA clocks under one policy. */
  record Side(ReportRow.Compliance firstResponse, ReportRow.Compliance resolution) {}
}
