package org.slaescalation.web;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * The order of the service's servlet filters, which run on every path before Spring Security (order -100), Spring
 * MVC and the filters of Camunda's webapps: security headers first, so that every answer carries them, then the
 * checks that refuse a request outright.
 */
public final class FilterOrder {

  public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE;
  /**
   * {@link DatabaseUnavailableFilter}: around every filter that may read the database (the session store, the
   * password check of HTTP Basic), so that a lost database connection met there answers 503; inside Spring
   * Boot's observation of HTTP requests (order {@code HIGHEST_PRECEDENCE + 1}), so that
   * {@code http.server.requests} records the 503 (DatabaseBusyTest).
   */
  public static final int DATABASE_UNAVAILABLE = Ordered.HIGHEST_PRECEDENCE + 2;
  /**
   * Spring Session's filter ({@code spring.session.servlet.filter-order} in application.yaml holds this value): it
   * must wrap the session before any filter below reads the webapps' login from it (RoleAttackTest fails otherwise).
   */
  public static final int SESSIONS = Ordered.HIGHEST_PRECEDENCE + 3;
  public static final int CAMUNDA_REST_ERRORS = Ordered.HIGHEST_PRECEDENCE + 5;
  public static final int FIREWALL = Ordered.HIGHEST_PRECEDENCE + 10;
  public static final int BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 20;
  public static final int CROSS_ORIGIN = Ordered.HIGHEST_PRECEDENCE + 30;
  /**
   * Tasklist's start form of the ticket process, which opens a ticket through the service: before
   * {@link #CAMUNDA_REST_GUARD}, which refuses every other start of the ticket process.
   */
  public static final int TICKET_START_FORM = Ordered.HIGHEST_PRECEDENCE + 35;
  public static final int CAMUNDA_REST_GUARD = Ordered.HIGHEST_PRECEDENCE + 40;
  public static final int WEBAPP_API_ACCESS = Ordered.HIGHEST_PRECEDENCE + 50;

  private FilterOrder() {}

  /** The registration of {@code filter} on every path at {@code order}, one of the orders above. */
  public static <T extends Filter> FilterRegistrationBean<T> registered(T filter, int order) {
    FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(order);
    return registration;
  }
}
