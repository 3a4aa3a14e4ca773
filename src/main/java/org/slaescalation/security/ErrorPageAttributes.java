package org.slaescalation.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** The error page says who is logged in, so that a refused user knows which login the refusal was for. */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

  private final String engineName;

  ErrorPageAttributes(ProcessEngine engine) {
    this.engineName = engine.getName();
  }

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    if (request instanceof ServletRequestAttributes servlet) {
      HttpSession session = servlet.getRequest().getSession(false);
      if (session != null) {
        Authentication user = AuthenticationUtil.getAuthsFromSession(session)
            .getAuthenticationForProcessEngine(engineName);
        if (user != null) {
          attributes.put("user", user.getIdentityId());
        }
      }
    }
    return attributes;
  }
}
