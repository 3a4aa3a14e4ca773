package org.slaescalation.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/sla/coverage} in the running application, on the shipped tables. */
@ApplicationTest
class CoverageApiTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;

  private List<Map<String, Object>> coverage() {
    ResponseEntity<List<Map<String, Object>>> response =
        rest.withBasicAuth("sophie", "sophie").exchange("/api/sla/coverage", HttpMethod.GET, null, ROWS);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyRowOfTheShippedPolicyFits() {
    List<Map<String, Object>> rows = coverage();

    assertThat(rows).hasSize(26).allSatisfy(row -> {
      assertThat(row).containsEntry("fits", true);
      ((Map<String, Map<String, Object>>) row.get("byPriority")).values().forEach(priority -> {
        assertThat(priority).containsEntry("fits", true);
        assertThat((String) priority.get("resolutionMargin")).doesNotStartWith("-");
        assertThat((String) priority.get("firstResponseMargin")).doesNotStartWith("-");
      });
    });
  }

  /**
   * Row 2, enterprise and business P1 incidents on 24x7: the P1 route is support 30 min + engineering 2 h on the
   * on-call calendar + sysadmin 1 h, 3 h 30 min of a 4 h target; the support OLA takes all of the 30 min first
   * response.
   */
  @Test
  @SuppressWarnings("unchecked")
  void showsARowsTargetsRouteAndMargins() {
    Map<String, Object> row = coverage().get(1);

    assertThat(row).containsEntry("row", 2)
        .containsEntry("description", "Outage for a paying business customer: round the clock")
        .containsEntry("inputs", Map.of("customerId", "-", "tier", "\"enterprise\",\"business\"", "priority", "\"P1\"",
            "category", "\"incident\""))
        .containsEntry("firstResponseTarget", "PT30M")
        .containsEntry("resolutionTarget", "PT4H")
        .containsEntry("calendar", "24x7")
        .containsEntry("priorities", List.of("P1"));
    Map<String, Object> p1 = ((Map<String, Map<String, Object>>) row.get("byPriority")).get("P1");
    assertThat(p1).containsEntry("route", List.of(
            Map.of("team", "support", "budget", "PT30M", "calendar", "24x7"),
            Map.of("team", "engineering", "budget", "PT2H", "calendar", "24x7"),
            Map.of("team", "sysadmin", "budget", "PT1H", "calendar", "sysadmin")))
        .containsEntry("firstResponseMargin", "PT0S")
        .containsEntry("resolutionMargin", "PT30M")
        .containsEntry("fits", true);
  }

  @Test
  void needsALogin() {
    assertThat(rest.getForEntity("/api/sla/coverage", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
