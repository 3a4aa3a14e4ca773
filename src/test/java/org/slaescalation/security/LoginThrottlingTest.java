package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.authorization.Roles;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.TestUsers;
import org.slaescalation.support.WebSession;
import org.slaescalation.team.Team;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anyone may send wrong passwords for a user; that must slow the guessing down without locking the user out. Each
 * test has a user of its own (the throttle remembers clients and users), and moves the engine's clock instead of
 * waiting.
 */
@ApplicationTest
class LoginThrottlingTest {

  static final String PASSWORD = "the-right-password-1";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired LoginThrottle throttle;

  /** The wrong passwords of these tests count against this machine's address too: other tests log in from it. */
  @AfterEach
  void resetClockAndThrottle() {
    ClockUtil.reset();
    throttle.forgetAll();
  }

  @Test
  void after30WrongPasswordsOverBasicTheUserLogsInWithin60Seconds() {
    String user = user("basic");
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      answers.add(api(user, "wrong-" + i).status());
    }

    assertThat(answers).containsOnly(401, 429).contains(429);
    WebSession.Response throttled = api(user, PASSWORD);
    assertThat(throttled.status()).as("checked only after the wait").isEqualTo(429);
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 30L);
    assertThat(throttled.json()).containsEntry("title", "Too many wrong passwords");

    ClockUtil.offset(60_000L);

    assertThat(api(user, PASSWORD).status()).as("logged in: the ticket does not exist").isEqualTo(404);
  }

  @Test
  void after30WrongPasswordsInTheWebappsLoginTheUserLogsInWithin60Seconds() {
    String user = user("webapp");
    WebSession browser = WebSession.anonymous(port);
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      answers.add(browser.webappLogin(user, "wrong-" + i, "welcome").status());
    }

    assertThat(answers).containsOnly(401, 429).contains(429);
    assertThat(browser.webappLogin(user, PASSWORD, "welcome").status()).isEqualTo(429);

    ClockUtil.offset(60_000L);

    assertThat(browser.webappLogin(user, PASSWORD, "welcome").status()).isEqualTo(200);
  }

  @Test
  void after30WrongPasswordsOnTheLoginPageTheUserLogsInWithin60Seconds() {
    String user = user("page");
    WebSession browser = WebSession.anonymous(port);
    for (int i = 0; i < 30; i++) {
      assertThat(browser.pageLogin(user, "wrong-" + i).header("Location")).contains("/login?error");
    }

    WebSession.Response throttled = browser.pageLogin(user, PASSWORD);
    assertThat(throttled.header("Location")).contains("/login?error=throttled&retryAfter=");
    assertThat(browser.get(throttled.header("Location").replaceFirst("^https?://[^/]+", "")).body())
        .contains("Too many wrong passwords. Try again in");

    ClockUtil.offset(60_000L);

    WebSession.Response login = browser.pageLogin(user, PASSWORD);
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.header("Location")).doesNotContain("error");
  }

  @Test
  void aSessionCannotGuessItsUsersPasswordThroughAPasswordChange() {
    // Who holds a session (left open, or stolen) could try passwords as the "current password" of a change.
    String user = user("change", Team.SUPPORT.code());
    WebSession session = WebSession.webapps(port, user, PASSWORD, "tasklist");
    assertThat(session.loginStatus()).isEqualTo(200);
    String credentials = "/camunda/api/engine/engine/default/user/" + user + "/credentials";
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      answers.add(session.putJson(credentials, change("wrong-" + i)).status());
    }

    assertThat(answers).containsOnly(400, 429).contains(429);
    WebSession.Response throttled = session.putJson(credentials, change(PASSWORD));
    assertThat(throttled.status()).as("checked only after the wait").isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isNotNull();
    assertThat(identityService.checkPassword(user, PASSWORD)).as("unchanged").isTrue();

    ClockUtil.offset(60_000L);

    assertThat(session.putJson(credentials, change(PASSWORD)).status()).isEqualTo(204);
    assertThat(identityService.checkPassword(user, "a-new-password-2")).isTrue();
  }

  @Test
  void wrongPasswordsNeverLockTheAccountInTheEngine() {
    // Camunda's own lock, which is off: each wrong password locks the user for a while, the tenth for good
    // (ENGINE-27002). The attempts are a minute apart, so that every one of them is checked.
    String user = user("engine");
    for (int i = 1; i <= 12; i++) {
      ClockUtil.offset(i * 61_000L);
      assertThat(api(user, "wrong-" + i).status()).isEqualTo(401);
    }
    ClockUtil.offset(13 * 61_000L);

    assertThat(identityService.checkPassword(user, PASSWORD)).isTrue();
    assertThat(api(user, PASSWORD).status()).isEqualTo(404);
  }

  private WebSession.Response api(String user, String password) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return WebSession.anonymous(port).send("GET", "/api/tickets/T-999999999", null, null,
        Map.of("Authorization", "Basic " + basic));
  }

  private static String change(String currentPassword) {
    return "{\"password\": \"a-new-password-2\", \"authenticatedUserPassword\": \"" + currentPassword + "\"}";
  }

  private String user(String purpose) {
    return user(purpose, Roles.INTEGRATION);
  }

  private String user(String purpose, String group) {
    return TestUsers.create(identityService, "throttled" + purpose, PASSWORD, group);
  }
}
