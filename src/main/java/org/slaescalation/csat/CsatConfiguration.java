package org.slaescalation.csat;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CsatConfiguration {

  @Bean
  SurveyLinks surveyLinks(SurveySecret secret, Clock clock) {
    return new SurveyLinks(secret::key, clock);
  }
}
