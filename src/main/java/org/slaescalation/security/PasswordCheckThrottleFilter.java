package org.slaescalation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slaescalation.web.Problems;
import org.slaescalation.web.Requests;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the requests of Camunda's APIs that check a password behind the same {@link LoginThrottle} as HTTP Basic and
 * the service's login page:
 *
 * <ul>
 *   <li>the webapps' login ({@code POST <webapps>/api/admin/auth/user/<engine>/login/<app>}, the login form of
 *       Tasklist, Cockpit and Admin), for the user it names: 401 is a wrong password, 200 a right one;
 *   <li>a change of password on the webapps' API ({@code PUT <webapps>/api/engine/engine/<engine>/user/<id>/
 *       credentials}), which checks the password of the session's user ({@code authenticatedUserPassword}): 400 is a
 *       wrong password (or a new one the password policy refuses), 204 a right one. Without the throttle, whoever
 *       holds a session could guess its user's password there at full speed. ({@code /engine-rest} has no session:
 *       each of its requests brings the password, behind the throttle of HTTP Basic.)
 * </ul>
 *
 * A throttled attempt answers 429 with {@code Retry-After} without reaching Camunda. Any other answer (a 403 for a
 * missing CSRF token, or for an application the user may not open) says nothing about the password and changes no
 * count: a refused CSRF token must not reset a count.
 */
class PasswordCheckThrottleFilter extends OncePerRequestFilter {

  /** A request that checks a password: how to find it, whose password it checks, and how Camunda answers. */
  record PasswordCheck(String method, Pattern path, Function<HttpServletRequest, String> user, int wrong,
      int right) {}

  private final LoginThrottle throttle;
  private final List<PasswordCheck> checks;

  PasswordCheckThrottleFilter(LoginThrottle throttle, List<PasswordCheck> checks) {
    this.throttle = throttle;
    this.checks = List.copyOf(checks);
  }

  /** The webapps' login and change of password. */
  static PasswordCheckThrottleFilter forWebapps(LoginThrottle throttle, String webappPath, String engineName) {
    String api = Pattern.quote(webappPath) + "/api";
    return new PasswordCheckThrottleFilter(throttle, List.of(
        new PasswordCheck("POST", Pattern.compile(api + "/admin/auth/user/[^/]+/login/[^/]+/?"),
            request -> request.getParameter("username"), HttpServletResponse.SC_UNAUTHORIZED,
            HttpServletResponse.SC_OK),
        new PasswordCheck("PUT", Pattern.compile(api + "/engine/engine/[^/]+/user/[^/]+/credentials/?"),
            request -> WebappSessions.user(request, engineName).map(UserAuthentication::getName).orElse(null),
            HttpServletResponse.SC_BAD_REQUEST,
            HttpServletResponse.SC_NO_CONTENT)));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return check(request) == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    PasswordCheck check = check(request);
    String user = check.user().apply(request);
    String client = request.getRemoteAddr();
    Duration wait = throttle.waitBefore(user, client);
    if (!wait.isZero()) {
      long seconds = LoginThrottledException.seconds(wait);
      response.setHeader("Retry-After", Long.toString(seconds));
      Problems.writeForCamunda(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many wrong passwords",
          "Wrong passwords from this client slow down its next attempts; try again in " + seconds + " s.",
          Map.of("retryAfterSeconds", seconds));
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == check.wrong()) {
      throttle.failed(user, client);
    } else if (response.getStatus() == check.right()) {
      throttle.succeeded(user, client);
    }
  }

  private PasswordCheck check(HttpServletRequest request) {
    String path = Requests.path(request);
    return checks.stream()
        .filter(check -> check.method().equals(request.getMethod()) && check.path().matcher(path).matches())
        .findFirst().orElse(null);
  }
}
