package org.slaescalation.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Limits on what a request may be, for every path: its path, its size, and the types of its JSON fields; and the 503
 * of a request whose database connection failed.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailable() {
    return FilterOrder.registered(new DatabaseUnavailableFilter(), FilterOrder.DATABASE_UNAVAILABLE);
  }

  @Bean
  FilterRegistrationBean<RequestFirewallFilter> requestFirewall(
      @Value("${server.error.path:/error}") String errorPath) {
    return FilterOrder.registered(new RequestFirewallFilter(errorPath), FilterOrder.FIREWALL);
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(WebProperties properties) {
    return FilterOrder.registered(new RequestBodyLimitFilter(properties.maxRequestSize()), FilterOrder.BODY_LIMIT);
  }

  @Bean
  FilterRegistrationBean<CamundaRestErrors> camundaRestErrors(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    return FilterOrder.registered(new CamundaRestErrors(webappPath), FilterOrder.CAMUNDA_REST_ERRORS);
  }

  /** Header values Spring Security's firewall rejects while the request is served answer 400, not 500. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
  }

  /**
   * JSON fields must have the declared type: a number or a boolean where the API expects text is a 400 naming the
   * field, not silently turned into a string. Camunda's REST API keeps its own object mapper.
   */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictScalars() {
    return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
