package org.slaescalation.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the running service, over real HTTP: cookies kept, redirects not followed, and the CSRF
 * tokens sent as the pages send them. Logged in either as Tasklist does ({@link #webapps}: Camunda's login endpoint,
 * then every call with the {@code X-XSRF-TOKEN} header) or through the service's login page ({@link #pages}).
 */
public final class WebSession {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  /** An answer: status, headers and body as text. */
  public record Response(int status, HttpHeaders headers, String body) {

    public Map<String, Object> json() {
      return read(new TypeReference<>() {});
    }

    public List<Map<String, Object>> jsonList() {
      return read(new TypeReference<>() {});
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    private <T> T read(TypeReference<T> type) {
      try {
        return JSON.readValue(body, type);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  private final String base;
  private final HttpClient client;
  private String webappToken;
  private String pageToken;

  private WebSession(int port) {
    this(port, false);
  }

  private WebSession(int port, boolean behindTls) {
    this.base = "http://localhost:" + port;
    CookieManager cookies = new CookieManager();
    cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
    this.client = HttpClient.newBuilder().cookieHandler(behindTls ? new TlsTerminatedCookies(cookies) : cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  private WebSession(String base, HttpClient client, String webappToken, String pageToken) {
    this.base = base;
    this.client = client;
    this.webappToken = webappToken;
    this.pageToken = pageToken;
  }

  /**
   * The same browser (its cookies and tokens) talking to another node on this host, as behind a load balancer
   * without sticky sessions.
   */
  public WebSession onPort(int otherPort) {
    return new WebSession("http://localhost:" + otherPort, client, webappToken, pageToken);
  }

  /** A session without a login. */
  public static WebSession anonymous(int port) {
    return new WebSession(port);
  }

  /**
   * A session as a browser has it with a service behind a TLS-terminating proxy: the browser speaks HTTPS, so it
   * sends {@code Secure} cookies back, while this test talks plain HTTP to the service.
   */
  public static WebSession behindTls(int port) {
    return new WebSession(port, true);
  }

  /** Keeps {@code Secure} cookies although the test's requests are plain HTTP (the proxy's side of TLS). */
  private static final class TlsTerminatedCookies extends java.net.CookieHandler {

    private final CookieManager cookies;

    TlsTerminatedCookies(CookieManager cookies) {
      this.cookies = cookies;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
      return cookies.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
      cookies.put(URI.create(uri.toString().replaceFirst("^http:", "https:")), responseHeaders);
    }
  }

  /**
   * Logs in to Camunda's webapps as Tasklist's login form does (password = user id); the answer of the login is
   * kept in {@link #loginStatus()}.
   */
  public static WebSession webapps(int port, String user) {
    return webapps(port, user, user, "tasklist");
  }

  public static WebSession webapps(int port, String user, String password, String app) {
    WebSession session = new WebSession(port);
    session.loginStatus = session.webappLogin(user, password, app).status();
    return session;
  }

  /** Logs in through the service's own login page (password = user id). */
  public static WebSession pages(int port, String user) {
    WebSession session = new WebSession(port);
    session.loginStatus = session.pageLogin(user, user).status();
    return session;
  }

  private int loginStatus;

  public int loginStatus() {
    return loginStatus;
  }

  /** Takes the CSRF token of the webapps for this session, as their pages do before they send anything. */
  public WebSession withWebappToken() {
    fetchWebappToken();
    return this;
  }

  /** Forgets the webapps' CSRF token, as a page of another site that rides on the session's cookie has none. */
  public WebSession withoutWebappToken() {
    webappToken = null;
    return this;
  }

  /** Posts Camunda's webapp login form with a fresh CSRF token, as the webapps' login page does. */
  public Response webappLogin(String user, String password, String app) {
    fetchWebappToken();
    Response login = send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
        "username=" + encode(user) + "&password=" + encode(password), "application/x-www-form-urlencoded");
    // The login starts a new session, with a new token.
    fetchWebappToken();
    return login;
  }

  /** The CSRF token of the form on a page of the service (its hidden {@code _csrf} field). */
  public static String csrfToken(Response page) {
    Matcher token = CSRF_FIELD.matcher(page.body());
    if (!token.find()) {
      throw new IllegalStateException("No CSRF field on the page (" + page.status() + "): " + page.body());
    }
    return token.group(1);
  }

  /** Posts the service's login form with its CSRF token. */
  public Response pageLogin(String user, String password) {
    Response page = get("/login");
    Matcher token = CSRF_FIELD.matcher(page.body());
    if (!token.find()) {
      throw new IllegalStateException("No CSRF field on the login page: " + page.body());
    }
    pageToken = token.group(1);
    return send("POST", "/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
        + encode(pageToken), "application/x-www-form-urlencoded");
  }

  private void fetchWebappToken() {
    HttpResponse<String> answer = exchange(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
        .header("X-XSRF-TOKEN", "Fetch").GET().build());
    answer.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> webappToken = token);
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response postJson(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public Response putJson(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** Sends a request as the pages do: with the session's CSRF header for the webapps. */
  public Response send(String method, String path, String body, String contentType) {
    return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, Map.of());
  }

  public Response send(String method, String path, byte[] body, String contentType, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (webappToken != null) {
      request.header("X-XSRF-TOKEN", webappToken);
    }
    headers.forEach(request::header);
    HttpResponse<String> answer = exchange(request.build());
    return new Response(answer.statusCode(), answer.headers(), answer.body());
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
