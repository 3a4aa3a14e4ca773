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
}
