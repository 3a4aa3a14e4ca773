package org.slaescalation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * A request that fails because the database cannot serve it ({@link DatabaseFailures}) answers 503 with
 * {@code Retry-After} and a problem body, not 500, wherever the failure met it: the password check of HTTP Basic in
 * the security filter chain, the session store, the service's controllers and pages. A database restart or failover
 * terminates the pool's connections (PostgreSQL's SQLSTATE 57P01), and the pool hands out a connection used within
 * the last half second without testing it, so a few requests fail before the pool has replaced them; while the
 * database is down, a request fails once it has waited {@code spring.datasource.hikari.connection-timeout} for a
 * connection. A pool whose connections are all in use for that long answers the same status with its own title.
 *
 * <p>A browser loading a page ({@link Requests#isPageNavigation}) gets a short page that reloads itself
 * after {@link #RETRY_AFTER}; every other request a problem body. The answer says what a client should do: send the
 * request again later. Intake keeps that safe, as a resent
 * ticket with the same {@code externalId} opens one ticket. Camunda's REST API answers its own failures (after the
 * password check) through its exception mappers, with 500.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  /** How long a client is asked to wait: a restart of PostgreSQL takes seconds. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en">
      <head><meta charset="utf-8"><meta http-equiv="refresh" content="%s"><title>Temporarily unavailable</title></head>
      <body><h1>Temporarily unavailable</h1>
      <p>%s just now. This page reloads by itself in %d seconds.</p></body>
      </html>
      """;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      Optional<DatabaseFailures.Kind> kind = DatabaseFailures.of(failure);
      if (response.isCommitted() || kind.isEmpty()) {
        throw failure;
      }
      long seconds = RETRY_AFTER.toSeconds();
      boolean unreachable = kind.get() == DatabaseFailures.Kind.UNREACHABLE;
      LOG.warn("{} {} answered 503: {} ({})", request.getMethod(), Requests.path(request), unreachable
          ? "the database cannot be reached" : "no database connection became free in time",
          NestedExceptionUtils.getMostSpecificCause(failure).toString());
      response.setHeader("Retry-After", Long.toString(seconds));
      boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
      String reason = unreachable ? "The service cannot reach its database" : "The service is busy";
      if (Requests.isPageNavigation(request)) {
        page(request, response, reason, seconds);
        return;
      }
      Problems.writeForCamunda(request, response, HttpStatus.SERVICE_UNAVAILABLE,
          unreachable ? "Database unavailable" : "Service busy",
          reason + (read ? "" : "; the request may or may not have been recorded") + ". Try again in " + seconds
              + " s.",
          Map.of("retryable", true, "retryAfterSeconds", seconds));
    }
  }

  /**
   * A page that a browser shows instead of the one asked for (Tasklist reloaded, the board), and that reloads itself
   * after {@code seconds}: a person sees what is going on, and the page comes back by itself with the database.
   */
  private static void page(HttpServletRequest request, HttpServletResponse response, String reason, long seconds)
      throws IOException {
    response.resetBuffer();
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setContentType("text/html;charset=UTF-8");
    byte[] html = PAGE.formatted(HtmlUtils.htmlEscape(refresh(request, seconds)), reason, seconds)
        .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(html.length);
    response.getOutputStream().write(html);
  }

  /**
   * The page's refresh: to the path and query asked for, without the fragment. A refresh without a URL keeps the
   * fragment, and a browser takes a change to the same URL with a fragment (Cockpit's and Tasklist's
   * {@code #/processes}) for a jump within the page, so it never asked again. A path that is not one of this site's
   * ({@code //host/...}) only reloads.
   */
  static String refresh(HttpServletRequest request, long seconds) {
    String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")
        ? seconds + ";url=" + target : Long.toString(seconds);
  }

  /** Error dispatches too: the error page reads the session (ErrorPageAttributes). */
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

}
