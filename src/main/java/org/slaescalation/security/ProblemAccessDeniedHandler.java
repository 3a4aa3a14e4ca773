package org.slaescalation.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slaescalation.web.Problems;
import org.slaescalation.web.Requests;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 403: the user's role does not allow the request. A browser opening a page gets the error page (which says who
 * may open what); every other request an RFC 7807 body naming who was refused what.
 */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
      throws IOException {
    if (Requests.isPageNavigation(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (ex instanceof CsrfException) {
      Problems.write(request, response, HttpStatus.FORBIDDEN, "Invalid CSRF token",
          "The form was sent without the token of this session; reload the page and send it again.", Map.of());
      return;
    }
    String user = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
    Problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
        "User '" + user + "' may not " + request.getMethod() + " " + request.getRequestURI()
            + ": their groups do not grant it (see docs/operations.md, Security).", Map.of());
  }

}
