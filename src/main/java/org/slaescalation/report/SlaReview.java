package org.slaescalation.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * CSAT beside compliance per segment, and the segments that are candidates for an SLA review (docs/api.md, Reports,
 * says how each flag is computed):
 * <ul>
 *   <li>{@code low-csat-high-compliance}: at least {@code minAnswers} answers, average below {@code lowCsat}, and
 *       every SLA clock of the segment that has a compliance at or above {@code highCompliance} (at least one has);
 *   <li>{@code repeated-breaches}: at least {@code repeatedBreaches} tickets with a breached SLA clock;
 *   <li>{@code looser-target-no-csat-loss}: a segment with at least {@code minAnswers} answers whose resolution
 *       budget (the nearest-rank median of its tickets' resolution budgets) is larger than another such segment's of
 *       the same grouping, yet whose CSAT average is not lower; compared with the one of those with the smallest
 *       budget.
 * </ul>
 */
@Service
class SlaReview {

  static final String LOW_CSAT_HIGH_COMPLIANCE = "low-csat-high-compliance";
  static final String REPEATED_BREACHES = "repeated-breaches";
  static final String LOOSER_TARGET = "looser-target-no-csat-loss";

  private final SlaReport report;
  private final ReviewThresholds thresholds;

  SlaReview(SlaReport report, ReviewThresholds thresholds) {
    this.report = report;
    this.thresholds = thresholds;
  }

  /** A row of {@code GET /api/reports/csat}. */
  record CsatRow(String group, int answers, Double average, Map<String, Integer> scores,
      ReportRow.Compliance firstResponse, ReportRow.Compliance resolution) {}

  List<CsatRow> csat(ReportQuery query) {
    return report.rows(query).stream().map(row -> new CsatRow(row.group(), row.csat().answers(),
        row.csat().average(), row.csat().scores(), row.firstResponse(), row.resolution())).toList();
  }

  private record Segment(ReportRow row, Duration resolutionBudget) {

    boolean rated(int minAnswers) {
      return row.csat().answers() >= minAnswers;
    }
  }

  List<ReviewCandidate> candidates(ReportQuery query) {
    List<Segment> segments = new ArrayList<>();
    Map<String, List<SlaReport.Counted>> groups = report.groups(query);
    List<ReportRow> rows = report.rows(groups);
    for (ReportRow row : rows) {
      List<Duration> budgets = groups.get(row.group()).stream().map(SlaReport.Counted::resolutionBudget)
          .filter(b -> b != null).sorted().toList();
      segments.add(new Segment(row, SlaReport.percentile(budgets, 50)));
    }
    List<ReviewCandidate> candidates = new ArrayList<>();
    for (Segment segment : segments) {
      lowCsatHighCompliance(segment).ifPresent(candidates::add);
      repeatedBreaches(segment).ifPresent(candidates::add);
      looserTarget(segment, segments).ifPresent(candidates::add);
    }
    return candidates;
  }

  private java.util.Optional<ReviewCandidate> lowCsatHighCompliance(Segment segment) {
    ReportRow row = segment.row();
    Double first = row.firstResponse().compliance();
    Double resolution = row.resolution().compliance();
    boolean high = (first != null || resolution != null)
        && (first == null || first >= thresholds.highCompliance())
        && (resolution == null || resolution >= thresholds.highCompliance());
    if (!segment.rated(thresholds.minAnswers()) || row.csat().average() >= thresholds.lowCsat() || !high) {
      return java.util.Optional.empty();
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("answers", row.csat().answers());
    numbers.put("average", row.csat().average());
    numbers.put("firstResponseCompliance", first);
    numbers.put("resolutionCompliance", resolution);
    numbers.put("lowCsat", thresholds.lowCsat());
    numbers.put("minAnswers", thresholds.minAnswers());
    numbers.put("highCompliance", thresholds.highCompliance());
    return java.util.Optional.of(new ReviewCandidate(row.group(), LOW_CSAT_HIGH_COMPLIANCE,
        "CSAT averages " + round(row.csat().average()) + " over " + row.csat().answers() + " answers (below "
            + thresholds.lowCsat() + ") while compliance is " + percent(first) + " for first response and "
            + percent(resolution) + " for resolution (at least " + percent(thresholds.highCompliance()) + ").",
        numbers));
  }

  private java.util.Optional<ReviewCandidate> repeatedBreaches(Segment segment) {
    ReportRow row = segment.row();
    if (row.breaches() < thresholds.repeatedBreaches()) {
      return java.util.Optional.empty();
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("breaches", row.breaches());
    numbers.put("tickets", row.tickets());
    numbers.put("firstResponseBreached", row.firstResponse().breached());
    numbers.put("resolutionBreached", row.resolution().breached());
    numbers.put("repeatedBreaches", thresholds.repeatedBreaches());
    return java.util.Optional.of(new ReviewCandidate(row.group(), REPEATED_BREACHES,
        row.breaches() + " of " + row.tickets() + " tickets breached an SLA clock in the period ("
            + row.firstResponse().breached() + " first responses, " + row.resolution().breached()
            + " resolutions; " + thresholds.repeatedBreaches() + " or more are repeated breaches).", numbers));
  }

  private java.util.Optional<ReviewCandidate> looserTarget(Segment segment, List<Segment> segments) {
    if (!segment.rated(thresholds.minAnswers()) || segment.resolutionBudget() == null) {
      return java.util.Optional.empty();
    }
    double average = segment.row().csat().average();
    return segments.stream()
        .filter(other -> other != segment && other.rated(thresholds.minAnswers()) && other.resolutionBudget() != null
            && other.resolutionBudget().compareTo(segment.resolutionBudget()) < 0
            && other.row().csat().average() <= average)
        .min(Comparator.comparing(Segment::resolutionBudget).thenComparing(other -> other.row().group()))
        .map(stricter -> {
          Map<String, Object> numbers = new LinkedHashMap<>();
          numbers.put("resolutionBudget", segment.resolutionBudget().toString());
          numbers.put("average", average);
          numbers.put("answers", segment.row().csat().answers());
          numbers.put("comparedWith", stricter.row().group());
          numbers.put("comparedResolutionBudget", stricter.resolutionBudget().toString());
          numbers.put("comparedAverage", stricter.row().csat().average());
          numbers.put("comparedAnswers", stricter.row().csat().answers());
          numbers.put("minAnswers", thresholds.minAnswers());
          return new ReviewCandidate(segment.row().group(), LOOSER_TARGET, "Resolution budget "
              + segment.resolutionBudget() + " is looser than " + stricter.row().group() + "'s "
              + stricter.resolutionBudget() + ", yet CSAT averages " + round(average) + " over "
              + segment.row().csat().answers() + " answers against " + round(stricter.row().csat().average())
              + " over " + stricter.row().csat().answers() + ".", numbers);
        });
  }

  private static String round(double value) {
    return String.format(java.util.Locale.ROOT, "%.2f", value);
  }

  private static String percent(Double share) {
    return share == null ? "none" : String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
  }
}
