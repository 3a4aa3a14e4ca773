package org.slaescalation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the authenticated user the engine's current user for requests to Camunda's REST API, so that the engine's
 * authorization checks and user operation log apply to them as they do to the webapps. The service's own API is not
 * matched: it authorizes by role and then calls the engine as the service.
 */
class CamundaAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final RequestMatcher engineApi;

  CamundaAuthenticationFilter(IdentityService identityService, RequestMatcher engineApi) {
    this.identityService = identityService;
    this.engineApi = engineApi;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !engineApi.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups = authentication.getAuthorities().stream()
        .map(a -> a.getAuthority())
        .filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
        .map(a -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
        .toList();
    try {
      identityService.setAuthentication(authentication.getName(), groups);
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
