package org.slaescalation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The review thresholds {@code escalation.reports.review.*}: their defaults when nothing is configured, and the
 * start-up check that names every wrong property and the fix.
 */
class ReviewThresholdsTest {

  @Test
  void theDefaultsApplyWhenNothingIsConfigured() {
    ReportProperties properties = new Binder(new MapConfigurationPropertySource(java.util.Map.of("escalation.x", "")))
        .bindOrCreate("escalation.reports", Bindable.of(ReportProperties.class));

    assertThat(properties.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(ReviewThresholds.of(properties.review())).isEqualTo(new ReviewThresholds(3.5, 5, 0.95, 3));
  }

  @Test
  void everyWrongThresholdIsNamedWithItsProperty() {
    assertThatThrownBy(() -> ReviewThresholds.of(new ReportProperties.Review(6, 0, 1.5, -1)))
        .isInstanceOf(InvalidReportConfigurationException.class)
        .hasMessageContaining("escalation.reports.review.low-csat = 6.0")
        .hasMessageContaining("escalation.reports.review.min-answers = 0")
        .hasMessageContaining("escalation.reports.review.high-compliance = 1.5")
        .hasMessageContaining("escalation.reports.review.repeated-breaches = -1");
    assertThatThrownBy(() -> ReviewThresholds.of(new ReportProperties.Review(Double.NaN, 5, 0.95, 3)))
        .hasMessageContaining("low-csat = NaN");
  }

  @Test
  void startUpFailsWithTheProblemsAndTheFix() {
    InvalidReportConfigurationException problem = catchThrowableOfType(InvalidReportConfigurationException.class,
        () -> ReviewThresholds.of(new ReportProperties.Review(3.5, 5, 0.95, 0)));

    FailureAnalysis analysis = new InvalidReportConfigurationFailureAnalyzer().analyze(problem);

    assertThat(analysis.getDescription()).startsWith("Invalid report configuration:")
        .contains("escalation.reports.review.repeated-breaches");
    assertThat(analysis.getAction()).contains("escalation.reports properties");
  }
}
