package org.slaescalation.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** The user logged in to Camunda's webapps in a request's session, as the webapps' own filters see them. */
final class WebappSessions {

  private WebappSessions() {}

  /** The session's user for the engine, or empty when the request has no session or nobody logged in to it. */
  static Optional<UserAuthentication> user(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engineName);
    return authentication instanceof UserAuthentication user ? Optional.of(user) : Optional.empty();
  }
}
