package org.slaescalation.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.web.CachedBodyRequest;
import org.slaescalation.web.Problems;
import org.slaescalation.web.Requests;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * What Camunda's REST API ({@code /engine-rest}) and the webapps' copy of it ({@code <webapps>/api/engine}) must not
 * receive, refused with a problem body before Camunda sees it:
 *
 * <ul>
 *   <li>a query with an expression inside {@code orQueries} (Camunda evaluates those even where it forbids
 *       expressions in ad-hoc queries; CVE-2026-109432), in a JSON body or as a query parameter: 400 naming the field;
 *   <li>a stored filter created or updated with an expression other than those {@link QueryExpressions} allows: 400;
 *   <li>a JSON body that is malformed, nested deeper than Jackson allows, or {@code null}: 400 (Camunda answers those
 *       with 500);
 *   <li>starting the ticket process: 403, because a ticket is opened through the ticket API ({@code POST
 *       /api/tickets}) or Tasklist's start form ({@link TicketStartForm}, which answers before this filter), both
 *       of which register it; a process instance started any other way has no ticket;
 *   <li>a paging parameter ({@code firstResult}, {@code maxResults}) below 0: 400 naming it (the database refuses it,
 *       and Camunda answers 500);
 *   <li>checking a password ({@code /identity/verify}): 403, because passwords are checked only by a login and a
 *       change of one's own password, behind the {@link LoginThrottle}.
 * </ul>
 *
 * The engine refuses the same expressions again when a query runs ({@link QueryExpressionPlugin}), whatever path it
 * came by; this filter only answers first, and more clearly.
 */
class CamundaRestGuard extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ENGINE_PREFIX = Pattern.compile("^/engine/[^/]+");
  private static final Pattern FILTER_CREATE = Pattern.compile("/filter/create/?");
  private static final Pattern FILTER_UPDATE = Pattern.compile("/filter/[^/]+/?");
  private static final Pattern TICKET_PROCESS_START = Pattern.compile("/process-definition/(key/"
      + Pattern.quote(TicketProcess.PROCESS_KEY) + "(/tenant-id/[^/]+)?|" + Pattern.quote(TicketProcess.PROCESS_KEY)
      + ":[^/]+)/(start|submit-form)/?");

  private static final Pattern PASSWORD_CHECK = Pattern.compile("/identity/verify/?");

  private static final Set<String> PAGING = Set.of("firstResult", "maxResults");

  private final String[] apiPrefixes;

  CamundaRestGuard(String webappPath) {
    this.apiPrefixes = new String[] {"/engine-rest", webappPath + "/api/engine"};
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return apiPath(request).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = apiPath(request).orElse("");
    if (PASSWORD_CHECK.matcher(path).matches()) {
      Problems.writeForCamunda(request, response, HttpStatus.FORBIDDEN, "Forbidden", "Passwords are checked only"
          + " when a user logs in or changes their own, where wrong passwords slow the next attempt down.", Map.of());
      return;
    }
    if ("POST".equals(request.getMethod()) && TICKET_PROCESS_START.matcher(path).matches()) {
      Problems.writeForCamunda(request, response, HttpStatus.FORBIDDEN, "Forbidden", "A ticket is opened through the"
          + " ticket API, POST /api/tickets, or Tasklist's start form Open ticket, which register it; the ticket"
          + " process is not started any other way.",
          Map.of());
      return;
    }
    Optional<String> paging = negativePaging(request);
    if (paging.isPresent()) {
      Problems.writeForCamunda(request, response, HttpStatus.BAD_REQUEST, "Invalid parameter", "Parameter '"
          + paging.get() + "' is a number from 0", Map.of("parameter", paging.get()));
      return;
    }
    if (request.getParameterMap().keySet().stream().anyMatch("orQueries"::equalsIgnoreCase)
        && !CachedBodyRequest.isFormPost(request)) {
      refuse(request, response, "orQueries", "orQueries are accepted only in a JSON body (POST), without expressions");
      return;
    }
    if (!Requests.isJson(request)) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request);
    if (cached.body().length == 0) {
      chain.doFilter(cached, response);
      return;
    }
    JsonNode body;
    try {
      body = JSON.readTree(cached.body());
    } catch (JsonProcessingException malformed) {
      Problems.writeForCamunda(request, response, HttpStatus.BAD_REQUEST, "Malformed request body",
          "The body is not JSON this service accepts: " + malformed.getOriginalMessage(), Map.of());
      return;
    }
    if (body == null || body.isNull() || body.isMissingNode()) {
      Problems.writeForCamunda(request, response, HttpStatus.BAD_REQUEST, "Malformed request body",
          "The body must be a JSON object or array, not null", Map.of());
      return;
    }
    Optional<String> field = expressionInOrQueries(body, "");
    if (field.isPresent()) {
      refuse(request, response, field.get(), "Expressions are not allowed inside orQueries");
      return;
    }
    Optional<String> refused = isFilterSave(request) ? refusedExpression(body, "") : Optional.empty();
    if (refused.isPresent()) {
      refuse(request, response, refused.get(), "A stored filter may only use ${currentUser()},"
          + " ${currentUserGroups()} and the date functions now() and dateTime()");
      return;
    }
    chain.doFilter(cached, response);
  }

  /** The path behind the REST API's prefix and the optional {@code /engine/<name>}, or empty for other paths. */
  private Optional<String> apiPath(HttpServletRequest request) {
    String path = Requests.path(request);
    for (String prefix : apiPrefixes) {
      if (path.equals(prefix) || path.startsWith(prefix + "/")) {
        return Optional.of(ENGINE_PREFIX.matcher(path.substring(prefix.length())).replaceFirst(""));
      }
    }
    return Optional.empty();
  }

  /**
   * A paging parameter of the query string below 0, which the database refuses (Camunda answers 500); Camunda checks
   * the rest. The query string is read as it is, so that a form body stays unread for Camunda.
   */
  private static Optional<String> negativePaging(HttpServletRequest request) {
    if (request.getQueryString() == null) {
      return Optional.empty();
    }
    MultiValueMap<String, String> parameters =
        UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams();
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = decode(parameter.getKey());
      if (PAGING.contains(name) && parameter.getValue().stream()
          .anyMatch(value -> value != null && decode(value).strip().startsWith("-"))) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static String decode(String text) {
    try {
      return UriUtils.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  private boolean isFilterSave(HttpServletRequest request) {
    String path = apiPath(request).orElse("");
    return ("POST".equals(request.getMethod()) && FILTER_CREATE.matcher(path).matches())
        || ("PUT".equals(request.getMethod()) && FILTER_UPDATE.matcher(path).matches());
  }

  /** The first field inside an {@code orQueries} member that holds an expression. */
  private static Optional<String> expressionInOrQueries(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        Optional<String> found = "orQueries".equalsIgnoreCase(field.getKey())
            ? anyExpression(field.getValue(), fieldPath)
            : expressionInOrQueries(field.getValue(), fieldPath);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = expressionInOrQueries(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> anyExpression(JsonNode node, String path) {
    return find(node, path, text -> QueryExpressions.isExpression(text));
  }

  private static Optional<String> refusedExpression(JsonNode node, String path) {
    return find(node, path, text -> QueryExpressions.isExpression(text) && !QueryExpressions.isAllowed(text));
  }

  private static Optional<String> find(JsonNode node, String path, java.util.function.Predicate<String> refused) {
    if (node.isTextual()) {
      return refused.test(node.asText()) ? Optional.of(path) : Optional.empty();
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (refused.test(field.getKey())) {
          return Optional.of(path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        }
        Optional<String> found = find(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
            refused);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = find(node.get(i), path + "[" + i + "]", refused);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String field, String why)
      throws IOException {
    Problems.writeForCamunda(request, response, HttpStatus.BAD_REQUEST, "Expression refused",
        why + "; field " + field + ". Expressions in queries run on the server.", Map.of("field", field));
  }
}
