package org.slaescalation.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The service's API, Camunda's REST API and the service's own pages require HTTP Basic
 * authentication against Camunda's identity service. The Camunda webapps (/camunda/**) are not
 * matched here: they keep their own session login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  static final String[] PROTECTED = {"/api/**", "/engine-rest/**", "/mail-outbox/**", "/review/**"};

  @Bean
  AuthenticationManager authenticationManager(IdentityService identityService) {
    ProviderManager manager = new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService));
    manager.setEraseCredentialsAfterAuthentication(true);
    return manager;
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
      IdentityService identityService, ObjectMapper objectMapper) throws Exception {
    var entryPoint = new ProblemAuthenticationEntryPoint(objectMapper);
    return http
        // Path patterns on the whole request path: /engine-rest is a Jersey servlet, not Spring MVC.
        .securityMatcher(new OrRequestMatcher(Arrays.stream(PROTECTED)
            .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
            .toList()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .authenticationManager(authenticationManager)
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
        // Stateless Basic authentication: no session cookie, so no cross-site request can ride on one.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new CamundaAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        .build();
  }
}
