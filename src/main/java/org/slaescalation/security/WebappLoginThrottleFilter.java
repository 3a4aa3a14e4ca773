package org.slaescalation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.slaescalation.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts Camunda's webapp login ({@code POST <webapps>/api/admin/auth/user/<engine>/login/<app>}, the login form of
 * Tasklist, Cockpit and Admin) behind the same {@link LoginThrottle} as HTTP Basic and the service's login page:
 * a throttled attempt answers 429 with {@code Retry-After} without reaching Camunda; Camunda's answer tells whether
 * the password was wrong (401) or right (200). A 403 says nothing about the password (a missing CSRF token, or an
 * application the user may not open) and changes no count: a refused CSRF token must not reset a count.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final Pattern login;

  WebappLoginThrottleFilter(LoginThrottle throttle, String webappPath) {
    this.throttle = throttle;
    this.login = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !login.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = request.getParameter("username");
    String client = request.getRemoteAddr();
    Duration wait = throttle.waitBefore(user, client);
    if (!wait.isZero()) {
      long seconds = LoginThrottledException.seconds(wait);
      response.setHeader("Retry-After", Long.toString(seconds));
      Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many wrong passwords",
          "Wrong passwords from this client slow down its next attempts; try again in " + seconds + " s.",
          Map.of("retryAfterSeconds", seconds));
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(user, client);
    } else if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.succeeded(user, client);
    }
  }

  private static String path(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }
}
