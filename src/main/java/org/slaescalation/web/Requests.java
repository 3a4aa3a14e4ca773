package org.slaescalation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** What the service's filters read of a request, read one way everywhere. */
public final class Requests {

  private Requests() {}

  /** The path within the application as the container decoded it: servlet path and path info. */
  public static String path(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }

  /** Whether the request's body is JSON ({@code application/json}, {@code application/hal+json}, ...). */
  public static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).contains("json");
  }

  /** A browser loading a page (not a script's request): it asks for HTML, or says it navigates. */
  public static boolean isPageNavigation(HttpServletRequest request) {
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null) {
      return "navigate".equals(mode);
    }
    String accept = request.getHeader("Accept");
    return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
  }
}
