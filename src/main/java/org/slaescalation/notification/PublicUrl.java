package org.slaescalation.notification;

import java.net.InetAddress;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where recipients of mails open the service: {@code escalation.mail.public-url} when it is set, otherwise the
 * running server's own address, {@code http(s)://<server.address or localhost>:<actual port><context path>}, as the
 * web server reports it once it listens (so {@code server.port=0} gives the port it picked). Until then, and
 * without a web server, the configured {@code server.port} (default 8080) stands in for the actual one.
 *
 * <p>Behind a load balancer or a reverse proxy set {@code escalation.mail.public-url}: the server's own address is
 * the one only the proxy reaches.
 */
@Component
public class PublicUrl {

  private static final int DEFAULT_PORT = 8080;

  private final String configured;
  private final String scheme;
  private final String host;
  private final String contextPath;
  private volatile String serverAddress;

  @Autowired
  public PublicUrl(MailSettings settings, ObjectProvider<ServerProperties> server) {
    this(settings.publicUrl(), server.getIfAvailable());
  }

  private PublicUrl(String configured, ServerProperties server) {
    this.configured = configured;
    this.scheme = server != null && Ssl.isEnabled(server.getSsl()) ? "https" : "http";
    this.host = host(server == null ? null : server.getAddress());
    this.contextPath = server == null ? "" : contextPath(server.getServlet().getContextPath());
    int port = server == null || server.getPort() == null || server.getPort() <= 0 ? DEFAULT_PORT : server.getPort();
    this.serverAddress = address(scheme, host, port, contextPath);
  }

  /** The configured public URL of {@code settings}, or {@code http://localhost:8080} when it has none. */
  public static PublicUrl of(MailSettings settings) {
    return new PublicUrl(settings.publicUrl(), null);
  }

  /** The address links in mails start with, without a trailing slash. */
  public String get() {
    return configured != null ? configured : serverAddress;
  }

  /** {@code escalation.mail.public-url}, when it is set. */
  public Optional<String> configured() {
    return Optional.ofNullable(configured);
  }

  @EventListener
  void serverStarted(WebServerInitializedEvent event) {
    // The management server (management.server.port) reports itself too, under a namespace of its own.
    if (event.getApplicationContext().getServerNamespace() != null) {
      return;
    }
    String path = event.getApplicationContext() instanceof ServletWebServerApplicationContext servlet
        && servlet.getServletContext() != null ? servlet.getServletContext().getContextPath() : contextPath;
    serverStarted(event.getWebServer().getPort(), path);
  }

  /** The web server listens on {@code port} under {@code path}: the address links use when none is configured. */
  void serverStarted(int port, String path) {
    serverAddress = address(scheme, host, port, contextPath(path));
  }

  static String address(String scheme, String host, int port, String contextPath) {
    return scheme + "://" + host + ":" + port + contextPath;
  }

  /** {@code server.address} as a host of a URL; a wildcard address (all interfaces) or none is {@code localhost}. */
  static String host(InetAddress address) {
    if (address == null || address.isAnyLocalAddress()) {
      return "localhost";
    }
    String literal = address.getHostAddress();
    return literal.contains(":") ? "[" + literal.replaceAll("%.*", "") + "]" : literal;
  }

  private static String contextPath(String path) {
    return path == null ? "" : path.replaceAll("/+$", "");
  }
}
