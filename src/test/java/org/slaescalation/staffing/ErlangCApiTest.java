package org.slaescalation.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/staffing/erlang-c} through the real security filter chain: team leads and administrators size
 * teams; an agent, the integration and an anonymous caller are refused; every bad parameter is a {@code 400} that
 * names it, never a {@code 500}.
 */
@ApplicationTest
class ErlangCApiTest {

  /** The Call Centre Helper example (see ErlangCTest): 200 arrivals an hour, 3 minutes, 80 % within 20 s. */
  private static final String EXAMPLE =
      "/api/staffing/erlang-c?arrivalsPerHour=200&handleMinutes=3&targetMinutes=0.3333333333&serviceLevel=0.8";

  @Autowired TestRestTemplate rest;

  @Test
  void anAnonymousCallerIsAskedToLogIn() {
    ResponseEntity<String> answer = rest.exchange(EXAMPLE, HttpMethod.GET, null, String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getBody()).doesNotContain("agents");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      crm    | 403
      sam    | 403
      erin   | 403
      sophie | 200
      demo   | 200""")
  void onlyTeamLeadsAndAdministratorsSizeTeams(String user, int status) {
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, user, EXAMPLE);

    assertThat(answer.getStatusCode().value()).isEqualTo(status);
    if (status == 200) {
      assertThat(answer.getBody()).containsEntry("agents", 14);
    } else {
      assertThat(answer.getBody()).doesNotContainKey("agents");
    }
  }

  @Test
  void answersTheAgentsAndWhatTheyAchieve() {
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, "sophie", EXAMPLE);

    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(answer.getBody()).containsOnlyKeys("agents", "serviceLevel", "occupancy", "probabilityOfWaiting",
        "averageSpeedOfAnswerMinutes");
    assertThat((Double) answer.getBody().get("serviceLevel")).isCloseTo(0.8883, within(1e-4));
    assertThat((Double) answer.getBody().get("occupancy")).isCloseTo(10.0 / 14, within(1e-12));
    assertThat((Double) answer.getBody().get("probabilityOfWaiting")).isCloseTo(0.1741, within(1e-4));
    assertThat((Double) answer.getBody().get("averageSpeedOfAnswerMinutes"))
        .isCloseTo(0.1741 * 3 / 4, within(1e-4));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing arrivals | handleMinutes=3&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      blank arrivals | arrivalsPerHour=&handleMinutes=3&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      non-numeric arrivals | arrivalsPerHour=many&handleMinutes=3&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      NaN arrivals | arrivalsPerHour=NaN&handleMinutes=3&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      infinite arrivals | arrivalsPerHour=Infinity&handleMinutes=3&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      overflowing arrivals | arrivalsPerHour=1e400&handleMinutes=3&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      hex arrivals | arrivalsPerHour=0x10&handleMinutes=3&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      twice | arrivalsPerHour=1&arrivalsPerHour=2&handleMinutes=3&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      negative arrivals | arrivalsPerHour=-1&handleMinutes=3&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      missing handling time     | arrivalsPerHour=10&targetMinutes=1&serviceLevel=0.8                   | handleMinutes
      zero handling time        | arrivalsPerHour=10&handleMinutes=0&targetMinutes=1&serviceLevel=0.8   | handleMinutes
      negative handling time    | arrivalsPerHour=10&handleMinutes=-3&targetMinutes=1&serviceLevel=0.8  | handleMinutes
      non-numeric handling time | arrivalsPerHour=10&handleMinutes=3m&targetMinutes=1&serviceLevel=0.8  | handleMinutes
      missing target            | arrivalsPerHour=10&handleMinutes=3&serviceLevel=0.8                   | targetMinutes
      negative target           | arrivalsPerHour=10&handleMinutes=3&targetMinutes=-0.5&serviceLevel=0.8 | targetMinutes
      non-numeric target | arrivalsPerHour=10&handleMinutes=3&targetMinutes=PT20S&serviceLevel=0.8 | targetMinutes
      missing service level     | arrivalsPerHour=10&handleMinutes=3&targetMinutes=1                    | serviceLevel
      service level 0           | arrivalsPerHour=10&handleMinutes=3&targetMinutes=1&serviceLevel=0     | serviceLevel
      service level 1           | arrivalsPerHour=10&handleMinutes=3&targetMinutes=1&serviceLevel=1     | serviceLevel
      service level above 1     | arrivalsPerHour=10&handleMinutes=3&targetMinutes=1&serviceLevel=80    | serviceLevel
      negative service level    | arrivalsPerHour=10&handleMinutes=3&targetMinutes=1&serviceLevel=-0.8  | serviceLevel
      percent service level     | arrivalsPerHour=10&handleMinutes=3&targetMinutes=1&serviceLevel=80%   | serviceLevel
      10,000 Erlangs | arrivalsPerHour=600000&handleMinutes=1&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      1e600 Erlangs | arrivalsPerHour=1e300&handleMinutes=1e300&targetMinutes=1&serviceLevel=0.8 | arrivalsPerHour
      """)
  void aBadParameterIsA400NamingIt(String reason, String query, String parameter) {
    ResponseEntity<Map<String, Object>> answer = Api.get(rest, "sophie", "/api/staffing/erlang-c?" + query);

    assertThat(answer.getStatusCode()).as(reason).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody()).as(reason)
        .containsEntry("title", "Invalid request parameter")
        .containsEntry("parameter", parameter);
    assertThat((String) answer.getBody().get("detail")).as(reason).startsWith("Parameter '" + parameter + "'");
  }
}
