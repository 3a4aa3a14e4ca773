package org.slaescalation.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slaescalation.web.FilterOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security headers on every answer of the service, also on errors and on answers that a filter gives before any
 * servlet: a header that the answer sets itself wins (Camunda's webapps send their own Content-Security-Policy).
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfiguration {

  /** The service's own pages load nothing but their own scripts and styles, and are never framed. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"
      + " 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
      + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** Deployed forms, served by Camunda as JSON or, for HTML forms, as XHTML: downloads, never a page. */
  static final String DEPLOYED_FORM = "^(/engine-rest|%s/api/engine)(/engine/[^/]+)?/(task/[^/]+/deployed-form"
      + "|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/deployed-start-form)/?(\\?.*)?$";

  @Bean
  FilterRegistrationBean<HeaderWriterFilter> securityHeaders(SecurityProperties properties,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    List<HeaderWriter> writers = new ArrayList<>();
    writers.add(new XContentTypeOptionsHeaderWriter());
    writers.add(new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));
    writers.add(new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    writers.add(new DelegatingRequestMatcherHeaderWriter(
        RegexRequestMatcher.regexMatcher(DEPLOYED_FORM.formatted(Pattern.quote(webappPath))),
        new StaticHeadersWriter(List.of(new Header("Content-Disposition", "attachment"),
            new Header("Content-Security-Policy", "sandbox; default-src 'none'")))));
    writers.add(new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY));
    writers.add(new DelegatingRequestMatcherHeaderWriter(dynamic(webappPath), new CacheControlHeadersWriter()));
    if (properties.tls()) {
      HstsHeaderWriter hsts = new HstsHeaderWriter();
      hsts.setRequestMatcher(AnyRequestMatcher.INSTANCE);
      writers.add(hsts);
    }
    return FilterOrder.registered(new HeaderWriterFilter(writers), FilterOrder.SECURITY_HEADERS);
  }

  /**
   * Answers with data of tickets and users: never stored by a browser or proxy. A regular expression on the path as
   * the servlet container decoded it, because this filter also answers requests with paths that Spring's path
   * parser refuses.
   */
  private static RequestMatcher dynamic(String webappPath) {
    return RegexRequestMatcher.regexMatcher("^((/api|/engine-rest|" + Pattern.quote(webappPath)
        + "/api|/review/api|/mail-outbox|/login)(/.*)?|/)(\\?.*)?$");
  }
}
