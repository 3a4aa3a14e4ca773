package org.slaescalation.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How a backlog of escalations drained: whether mails went out in the order their rungs fell due. */
public final class Catchup {

  private Catchup() {}

  /**
   * Spearman's rank correlation of due instant and arrival over the deliveries that arrived: 1 when the mails went
   * out exactly in order of due instant, about 0 when in no particular order, -1 when newest first.
   */
  public static double rankCorrelation(List<EscalationLedger.Delivery> deliveries) {
    List<EscalationLedger.Delivery> arrived = deliveries.stream().filter(d -> d.arrival() != null).toList();
    int n = arrived.size();
    if (n < 3) {
      return Double.NaN;
    }
    double[] dueRank = ranks(arrived.stream().map(d -> d.rung().due()).toList());
    double[] arrivalRank = ranks(arrived.stream().map(d -> d.arrival().complete()).toList());
    double mean = (n + 1) / 2.0;
    double covariance = 0;
    double dueVariance = 0;
    double arrivalVariance = 0;
    for (int i = 0; i < n; i++) {
      covariance += (dueRank[i] - mean) * (arrivalRank[i] - mean);
      dueVariance += (dueRank[i] - mean) * (dueRank[i] - mean);
      arrivalVariance += (arrivalRank[i] - mean) * (arrivalRank[i] - mean);
    }
    return covariance / Math.sqrt(dueVariance * arrivalVariance);
  }

  /** Ranks from 1, ties sharing their mean rank. */
  private static double[] ranks(List<Instant> values) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(values::get));
    double[] ranks = new double[values.size()];
    for (int start = 0; start < order.size(); ) {
      int end = start;
      while (end + 1 < order.size() && values.get(order.get(end + 1)).equals(values.get(order.get(start)))) {
        end++;
      }
      for (int k = start; k <= end; k++) {
        ranks[order.get(k)] = (start + end) / 2.0 + 1;
      }
      start = end + 1;
    }
    return ranks;
  }
}
