package org.slaescalation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slaescalation.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 403, on every path, a state-changing request ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE}) that a browser sends on behalf of a page of another origin, whatever credentials it carries: a
 * browser resends cached HTTP Basic credentials and cookies to this service for any page that asks it to.
 *
 * <p>Browsers say where a request comes from: {@code Sec-Fetch-Site} (anything but {@code same-origin}, or
 * {@code none} for what the user typed, is refused) and {@code Origin} (refused unless it is this service's own
 * origin, as the request addresses it or as the public URL names it: {@code escalation.mail.public-url}, or the
 * server's own address when that is unset; {@code null} is refused).
 * Clients that are not browsers send neither and are not affected.
 */
class CrossOriginWriteGuard extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> OWN_SITES = Set.of("same-origin", "none");

  private final Supplier<String> publicUrl;

  /** {@code publicUrl} is read per request: unset, it is the server's own address, known once the server listens. */
  CrossOriginWriteGuard(Supplier<String> publicUrl) {
    this.publicUrl = publicUrl;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SAFE_METHODS.contains(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !OWN_SITES.contains(site.strip().toLowerCase(Locale.ROOT))) {
      refuse(request, response, "the browser sent it for a page of another origin (Sec-Fetch-Site: " + site + ")");
      return;
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !isOwn(origin, request)) {
      refuse(request, response, "it comes from the origin " + origin + ", not this service's");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean isOwn(String origin, HttpServletRequest request) {
    Optional<String> sent = origin(origin.strip());
    if (sent.isEmpty()) {
      return false;
    }
    String requested = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    return sent.equals(origin(requested)) || sent.equals(origin(publicUrl.get()));
  }

  /** {@code scheme://host:port} in lower case with the port made explicit, or empty for {@code null} and nonsense. */
  static Optional<String> origin(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (scheme == null || host == null) {
        return Optional.empty();
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
      return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String why)
      throws IOException {
    Problems.write(request, response, HttpStatus.FORBIDDEN, "Cross-site request refused",
        "A " + request.getMethod() + " to this service is refused because " + why + ". Pages of other sites cannot"
            + " act on it; API clients that are not browsers send no Origin and no Sec-Fetch-Site.", Map.of());
  }
}
