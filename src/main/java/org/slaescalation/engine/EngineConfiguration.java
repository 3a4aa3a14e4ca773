package org.slaescalation.engine;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  /** Every service reads time from here: the engine clock, which tests move instead of sleeping. */
  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
