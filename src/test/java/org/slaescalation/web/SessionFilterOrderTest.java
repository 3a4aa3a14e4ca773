package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Value;

/** The configured order of Spring Session's filter is the one FilterOrder reserves for it. */
@ApplicationTest
class SessionFilterOrderTest {

  @Value("${spring.session.servlet.filter-order}") int sessionFilterOrder;

  @Test
  void theSessionFilterRunsBeforeTheServicesFilters() {
    assertThat(sessionFilterOrder).isEqualTo(FilterOrder.SESSIONS);
  }
}
