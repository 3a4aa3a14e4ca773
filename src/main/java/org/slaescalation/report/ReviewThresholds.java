package org.slaescalation.report;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The review thresholds, checked when the application starts: every problem is collected and named with its
 * property, so that a typo stops start-up instead of flagging every segment or none.
 */
record ReviewThresholds(double lowCsat, int minAnswers, double highCompliance, int repeatedBreaches) {

  static ReviewThresholds of(ReportProperties.Review review) {
    List<String> problems = new ArrayList<>();
    String prefix = "escalation.reports.review.";
    if (!(review.lowCsat() >= 1 && review.lowCsat() <= 5)) {
      problems.add(prefix + "low-csat = " + review.lowCsat() + ": use an average from 1 to 5, such as 3.5");
    }
    if (review.minAnswers() < 1) {
      problems.add(prefix + "min-answers = " + review.minAnswers() + ": use a whole number of at least 1");
    }
    if (!(review.highCompliance() >= 0 && review.highCompliance() <= 1)) {
      problems.add(prefix + "high-compliance = " + review.highCompliance()
          + ": use a share from 0 to 1, such as 0.95");
    }
    if (review.repeatedBreaches() < 1) {
      problems.add(prefix + "repeated-breaches = " + review.repeatedBreaches()
          + ": use a whole number of at least 1");
    }
    if (!problems.isEmpty()) {
      throw new InvalidReportConfigurationException(problems);
    }
    return new ReviewThresholds(review.lowCsat(), review.minAnswers(), review.highCompliance(),
        review.repeatedBreaches());
  }

  /** Makes the thresholds a bean, so that a bad one fails start-up. */
  @Configuration(proxyBeanMethods = false)
  static class Checked {

    @Bean
    ReviewThresholds reviewThresholds(ReportProperties properties) {
      return of(properties.review());
    }
  }
}
