package org.slaescalation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400, a request whose path or headers Spring Security's {@link StrictHttpFirewall} would reject
 * (path parameters such as {@code /engine-rest;/task}, encoded slashes, {@code ..}, control characters), and a path
 * with an encoded letter, digit or {@code -._~} ({@code /%65ngine-rest}), which nothing needs to encode; before any
 * other filter parses the path: the servlets behind it (Spring MVC, Camunda's REST API and webapps) would otherwise
 * fail on such paths with a 500, or match them differently from the rules in front of them.
 *
 * <p>It answers a request for the error page itself ({@code server.error.path}, {@code /error}) with 404: that page
 * shows the error of a request the server forwarded to it, and requested directly it has none (Spring Boot answers
 * such a request with a 500 and status 999).
 */
class RequestFirewallFilter extends OncePerRequestFilter {

  private static final Pattern ENCODED_UNRESERVED =
      Pattern.compile("%(?:[46][1-9a-fA-F]|[57][0-9aA]|3[0-9]|2[dDeE]|5[fF]|7[eE])");

  private final StrictHttpFirewall firewall = new StrictHttpFirewall();
  private final String errorPath;

  RequestFirewallFilter(String errorPath) {
    this.errorPath = errorPath;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      // Checks the method and the path now; headers are checked as they are read, behind Spring Security's own
      // firewall, whose rejections answer 400 too (WebConfiguration.requestRejectedHandler).
      firewall.getFirewalledRequest(request);
      if (ENCODED_UNRESERVED.matcher(request.getRequestURI()).find()) {
        throw new RequestRejectedException("The path encodes a character that needs no encoding");
      }
    } catch (RequestRejectedException rejected) {
      Problems.write(request, response, HttpStatus.BAD_REQUEST, "Malformed request",
          "The request was refused: " + rejected.getMessage(), Map.of());
      return;
    }
    String path = Requests.path(request);
    if (path.equals(errorPath) || path.startsWith(errorPath + "/")) {
      Problems.write(request, response, HttpStatus.NOT_FOUND, "Not Found",
          "The error page shows the error of a failed request; there is nothing at " + path + ".", Map.of());
      return;
    }
    chain.doFilter(request, response);
  }
}
