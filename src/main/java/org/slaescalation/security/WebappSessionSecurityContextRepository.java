package org.slaescalation.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The service's pages share the session login of Camunda's webapps: a user logged in to Tasklist or Cockpit is logged
 * in to {@code /review} too, and logging in on the service's login page logs in to the webapps (one session, one
 * cookie, {@code SameSite=Lax}). The session holds Camunda's own {@link Authentications}; this repository reads the
 * user from it, with the user's groups as they are now, and writes it after a login on the service's page.
 */
class WebappSessionSecurityContextRepository implements SecurityContextRepository {

  private final ProcessEngine engine;
  private final IdentityService identityService;

  WebappSessionSecurityContextRepository(ProcessEngine engine) {
    this.engine = engine;
    this.identityService = engine.getIdentityService();
  }

  @Override
  @Deprecated
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    SecurityContextImpl context = new SecurityContextImpl();
    String userId = userId(holder.getRequest());
    if (userId != null && identityService.createUserQuery().userId(userId).count() > 0) {
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null,
          CamundaIdentityAuthenticationProvider.authorities(identityService, userId)));
    }
    return context;
  }

  @Override
  public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    var authentication = context.getAuthentication();
    if (!(authentication instanceof UsernamePasswordAuthenticationToken) || !authentication.isAuthenticated()) {
      return;
    }
    String userId = authentication.getName();
    if (userId.equals(userId(request))) {
      return;
    }
    UserAuthentication webappAuthentication = AuthenticationUtil.createAuthentication(engine, userId);
    if (webappAuthentication == null) {
      return;
    }
    webappAuthentication.setCacheValidationTime(
        ServletContextUtil.getAuthCacheValidationTime(request.getServletContext()));
    HttpSession session = request.getSession(true);
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    authentications.addOrReplace(webappAuthentication);
    AuthenticationUtil.updateSession(session, authentications);
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return userId(request) != null;
  }

  private String userId(HttpServletRequest request) {
    return WebappSessions.user(request, engine.getName()).map(UserAuthentication::getIdentityId).orElse(null);
  }
}
