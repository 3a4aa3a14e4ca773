package org.slaescalation.security;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.slaescalation.authorization.Roles;
import org.slaescalation.customer.CustomerService;
import org.slaescalation.notification.PublicUrl;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.TicketService;
import org.slaescalation.web.FilterOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what over HTTP (<i>Security</i> in docs/operations.md). Three filter chains:
 *
 * <ul>
 *   <li><b>APIs</b> ({@code /api/**}, {@code /engine-rest/**}): HTTP Basic against Camunda's identity service,
 *       stateless, the roles checked per path. Camunda's REST API is for administrators only, and the engine checks
 *       its authorizations there as the authenticated user ({@link CamundaAuthenticationFilter}); the service's own
 *       API authorizes by role here and then calls the engine as the service.
 *   <li><b>Camunda's webapps</b> ({@code <webapps>/**}): their own session login, CSRF protection and the engine's
 *       authorizations; here only the first-run setup endpoint is closed and the login throttled.
 *   <li><b>The service's pages</b> ({@code /}, {@code /login}, {@code /review/**}, {@code /mail-outbox/**},
 *       {@code /board}, {@code /reports/**}, the customers' survey {@code /csat/<token>} without a login): the
 *       webapps' session ({@link WebappSessionSecurityContextRepository}), a login page, no HTTP Basic.
 * </ul>
 *
 * On every path, before any chain, {@link CrossOriginWriteGuard} refuses state-changing requests from other origins.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  private static final String ADMIN = authority(Roles.ADMINISTRATORS);
  private static final String INTEGRATION = authority(Roles.INTEGRATION);
  private static final String METRICS = authority(Roles.METRICS);
  private static final String[] LEADS = Arrays.stream(Team.values()).map(t -> authority(t.leadsGroup()))
      .toArray(String[]::new);
  private static final String[] AGENTS = Arrays.stream(Team.values()).map(t -> authority(t.code()))
      .toArray(String[]::new);

  private final String webappPath;

  SecurityConfiguration(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.webappPath = webappPath;
  }

  static String authority(String group) {
    return CamundaIdentityAuthenticationProvider.GROUP_PREFIX + group;
  }

  @Bean
  LoginThrottle loginThrottle(Clock clock) {
    return new LoginThrottle(clock);
  }

  @Bean
  AuthenticationManager authenticationManager(ProcessEngine engine, LoginThrottle throttle) {
    ProviderManager manager = new ProviderManager(
        new CamundaIdentityAuthenticationProvider(engine.getIdentityService(), throttle));
    manager.setEraseCredentialsAfterAuthentication(true);
    return manager;
  }

  @Bean
  FilterRegistrationBean<CrossOriginWriteGuard> crossOriginWriteGuard(PublicUrl publicUrl) {
    return FilterOrder.registered(new CrossOriginWriteGuard(publicUrl::get), FilterOrder.CROSS_ORIGIN);
  }

  @Bean
  TaskFormFields taskFormFields(ProcessEngine engine) {
    return new TaskFormFields(engine.getTaskService(), engine.getFormService(), engine.getIdentityService(),
        engine.getAuthorizationService());
  }

  @Bean
  FilterRegistrationBean<CamundaRestGuard> camundaRestGuard() {
    return FilterOrder.registered(new CamundaRestGuard(webappPath), FilterOrder.CAMUNDA_REST_GUARD);
  }

  @Bean
  FilterRegistrationBean<TicketStartForm> ticketStartForm(ProcessEngine engine, TicketService tickets,
      CustomerService customers) {
    return FilterOrder.registered(new TicketStartForm(webappPath, engine.getName(), engine.getRepositoryService(),
        engine.getRuntimeService(), engine.getAuthorizationService(), engine.getIdentityService(), tickets, customers),
        FilterOrder.TICKET_START_FORM);
  }

  @Bean
  FilterRegistrationBean<WebappApiAccess> webappApiAccess(ProcessEngine engine, TaskFormFields forms) {
    return FilterOrder.registered(new WebappApiAccess(webappPath, engine.getName(), forms),
        FilterOrder.WEBAPP_API_ACCESS);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
      ProcessEngine engine, TaskFormFields forms) throws Exception {
    var entryPoint = new ProblemAuthenticationEntryPoint(true);
    return http
        // Path patterns on the whole request path: /engine-rest is a Jersey servlet, not Spring MVC.
        .securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/engine-rest/**")).hasAuthority(ADMIN)
            // The load balancer's probe needs no account; a scraper (group metrics) reads the Prometheus page and
            // nothing else; the other actuator endpoints are for administrators (PrometheusScrapeTest).
            .requestMatchers(path(HttpMethod.GET, "/actuator/health"), path(HttpMethod.GET, "/actuator/health/**"))
            .permitAll()
            .requestMatchers(path(HttpMethod.GET, "/actuator/prometheus")).hasAnyAuthority(ADMIN, METRICS)
            .requestMatchers(path(HttpMethod.GET, "/api/tickets/**")).hasAnyAuthority(with(LEADS, ADMIN, INTEGRATION))
            .requestMatchers(path("/api/tickets"), path("/api/tickets/**")).hasAnyAuthority(ADMIN, INTEGRATION)
            // Agents and leads read customers (who is calling); only administrators and integrations keep them.
            .requestMatchers(path(HttpMethod.GET, "/api/customers"), path(HttpMethod.GET, "/api/customers/**"))
            .hasAnyAuthority(with(with(AGENTS, LEADS), ADMIN, INTEGRATION))
            .requestMatchers(path("/api/customers"), path("/api/customers/**")).hasAnyAuthority(ADMIN, INTEGRATION)
            // The SLA board: agents see their own teams' rows (board.BoardViewer), leads and administrators all.
            .requestMatchers(path(HttpMethod.GET, "/api/board")).hasAnyAuthority(with(with(AGENTS, LEADS), ADMIN))
            .requestMatchers(path("/api/calendars/**"), path("/api/calendars"), path("/api/sla/**"))
            .hasAnyAuthority(with(LEADS, ADMIN))
            // Sizing teams is the leads' work (StaffingApiTest); agents and integrations have no business there.
            .requestMatchers(path(HttpMethod.GET, "/api/staffing"), path(HttpMethod.GET, "/api/staffing/**"))
            .hasAnyAuthority(with(LEADS, ADMIN))
            // Compliance reports are for leads and managers (ReportApiTest), as staffing.
            .requestMatchers(path(HttpMethod.GET, "/api/reports/**")).hasAnyAuthority(with(LEADS, ADMIN))
            // The what-if only reads: leads try an edited policy before an administrator deploys it (WhatIfApiTest).
            .requestMatchers(path(HttpMethod.POST, "/api/reports/what-if")).hasAnyAuthority(with(LEADS, ADMIN))
            .anyRequest().hasAuthority(ADMIN))
        .authenticationManager(authenticationManager)
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
            .accessDeniedHandler(new ProblemAccessDeniedHandler()))
        // Stateless: no session, so no cookie to ride on. Cross-origin writes are refused by CrossOriginWriteGuard;
        // browsers resend cached Basic credentials, so that guard, not the absence of a cookie, is the protection.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers.disable())
        .addFilterAfter(new CamundaAuthenticationFilter(engine.getIdentityService(), path("/engine-rest/**")),
            BasicAuthenticationFilter.class)
        // After the role check: only an administrator learns what the form of a task asks for.
        .addFilterAfter(TaskCompletionGuard.forRestApi(forms), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http, LoginThrottle throttle, ProcessEngine engine,
      TaskFormFields forms) throws Exception {
    var refused = new ProblemAccessDeniedHandler();
    return http
        .securityMatcher(paths(webappPath + "/**"))
        .authorizeHttpRequests(requests -> requests
            // The first-run setup creates an administrator while none exists: the service always has one
            // (camunda.bpm.admin-user), so the endpoint stays closed.
            .requestMatchers(path(webappPath + "/api/admin/setup/**")).denyAll()
            .anyRequest().permitAll())
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint((request, response, e) -> refused.handle(request, response, null))
            .accessDeniedHandler(refused))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        // The webapps bring their own CSRF protection, session handling and security headers.
        .csrf(csrf -> csrf.disable())
        .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
        .requestCache(cache -> cache.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .headers(headers -> headers.disable())
        .addFilterBefore(PasswordCheckThrottleFilter.forWebapps(throttle, webappPath, engine.getName()),
            AuthorizationFilter.class)
        .addFilterAfter(TaskCompletionGuard.forWebapps(webappPath, engine.getName(), forms), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
      ProcessEngine engine) throws Exception {
    var pageEntryPoint = new LoginUrlAuthenticationEntryPoint("/login");
    var apiEntryPoint = new ProblemAuthenticationEntryPoint(false);
    return http
        .securityMatcher(paths("/", "/login", "/logout", "/review", "/review/**", "/mail-outbox", "/mail-outbox/**",
            "/board", "/board/**", "/reports", "/reports/**", "/csat/*"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/"), path("/login"), path("/review/assets/**"), path("/reports/assets/**"))
            .permitAll()
            // The customer's survey: the signed link is the permission (csat.SurveyLinks); its form keeps CSRF.
            .requestMatchers(path("/csat/*")).permitAll()
            .requestMatchers(path("/mail-outbox"), path("/mail-outbox/**")).hasAuthority(ADMIN)
            .requestMatchers(path("/review"), path("/review/**")).hasAnyAuthority(with(LEADS, ADMIN))
            .requestMatchers(path("/board"), path("/board/**")).hasAnyAuthority(with(with(AGENTS, LEADS), ADMIN))
            // The reports page reads /api/reports/** (leads and administrators) through forwards: the same roles.
            .requestMatchers(path("/reports"), path("/reports/**")).hasAnyAuthority(with(LEADS, ADMIN))
            .anyRequest().authenticated())
        .authenticationManager(authenticationManager)
        .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new WebappSessionSecurityContextRepository(engine))))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
            .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof LoginThrottledException throttled
                    ? "/login?error=throttled&retryAfter=" + throttled.retryAfterSeconds() : "/login?error"))))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logged-out"))
        .requestCache(cache -> cache.requestCache(pageRequestCache()))
        .httpBasic(basic -> basic.disable())
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(apiEntryPoint, path("/review/api/**"))
            .defaultAuthenticationEntryPointFor(apiEntryPoint, path("/reports/api/**"))
            .defaultAuthenticationEntryPointFor(pageEntryPoint, request -> true)
            .accessDeniedHandler(new ProblemAccessDeniedHandler()))
        .headers(headers -> headers.disable())
        .build();
  }

  /** After the login, back to the page that asked for it, at its own address (no {@code ?continue}). */
  private static HttpSessionRequestCache pageRequestCache() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setMatchingRequestParameterName(null);
    return cache;
  }

  private static String[] with(String[] some, String... more) {
    return Stream.concat(Arrays.stream(some), Arrays.stream(more)).toArray(String[]::new);
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private static RequestMatcher paths(String... patterns) {
    List<RequestMatcher> matchers = Arrays.stream(patterns).map(SecurityConfiguration::path).toList();
    return new OrRequestMatcher(matchers);
  }
}
