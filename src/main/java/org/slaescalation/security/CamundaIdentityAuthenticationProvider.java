package org.slaescalation.security;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password (HTTP Basic, the service's login page) against Camunda's identity service, the
 * same users and groups that log in to Tasklist, behind the {@link LoginThrottle}. Authorities are
 * {@code GROUP_<group id>}.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    String client = authentication.getDetails() instanceof WebAuthenticationDetails details
        && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    Duration wait = throttle.waitBefore(userId, client);
    if (!wait.isZero()) {
      throw new LoginThrottledException(wait);
    }
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(credentials instanceof String password)
        || !identityService.checkPassword(userId, password)) {
      throttle.failed(userId, client);
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    throttle.succeeded(userId, client);
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities(identityService, userId));
  }

  /** The {@code GROUP_<id>} authorities of a user's groups. */
  static List<SimpleGrantedAuthority> authorities(IdentityService identityService, String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
        .toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
