package org.slaescalation.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.slaescalation.web.CachedBodyRequest;
import org.slaescalation.web.Problems;
import org.slaescalation.web.Requests;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' API ({@code <webapps>/api/**}) for the user of the session, beyond the engine's authorizations:
 *
 * <ul>
 *   <li>It is for users of Tasklist, Cockpit or Admin: a user who may open none of them (an integration, which
 *       Camunda still lets log in to the Welcome page) gets 403 from the engine's API; Cockpit's, Tasklist's and
 *       Admin's own APIs need that application; statistics, metrics and the history of variables need Cockpit.
 *   <li>A user claims a task for themselves only, and gives back only their own: {@code claim} with another user
 *       id, or without one on a task someone else holds, is 403. Giving a task to someone else is an assignment,
 *       which needs {@code TASK_ASSIGN} (team leads).
 *   <li>Tasklist gives a task back with {@code unclaim}, for which the engine wants {@code TASK_ASSIGN}: for the
 *       task's holder the service gives it back as the claim without a user that the holder may make, as that user.
 *   <li>Who is not an operator (has no Cockpit) changes a task only by claiming, giving back, assigning (the engine
 *       checks {@code TASK_ASSIGN}: team leads) and completing it: updating its fields, delegating, resolving, its
 *       identity links (candidates, owner) and BPMN errors are 403, because {@code TASK_ASSIGN} would allow them. A
 *       lead assigns a task only to an agent of its team (a member of its candidate group). A task's comments need
 *       the task to be the user's to read now (Camunda checks nothing on a single comment), and nobody but an
 *       operator edits or deletes one ({@code TASK_WORK} would let any agent of the team rewrite the lead's);
 *       attachments (which Camunda checks no better) are for operators; of the history only the operation log
 *       (Tasklist's History tab) is open to them, because its queries can filter by any variable of the ticket.
 *   <li>Fetching external tasks is for workers on {@code /engine-rest}: the webapps' API cannot serve its long polls.
 * </ul>
 */
class WebappApiAccess extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> WEBAPPS = Set.of("tasklist", "cockpit", "admin");
  private static final Pattern STATIC_ASSETS = Pattern.compile("/api/[^/]+/plugin/[^/]+/static/.*");
  /**
   * Figures of the whole process, and the history of variables: a task's history (Tasklist's History tab, its
   * comments) is readable per task, and through it Camunda would show the variables of the whole ticket too.
   */
  private static final Pattern COCKPIT_ONLY = Pattern.compile(
      "/api/engine/.*/((statistics|metrics)|history/(variable-instance|detail))(/.*)?");
  private static final Pattern CLAIM = Pattern.compile("/api/engine/engine/[^/]+/task/([^/]+)/claim/?");
  private static final Pattern UNCLAIM = Pattern.compile("/api/engine/engine/[^/]+/task/([^/]+)/unclaim/?");
  private static final Pattern ASSIGNEE = Pattern.compile("/api/engine/engine/[^/]+/task/([^/]+)/assignee/?");
  private static final Pattern TASK_CHANGES_FOR_OPERATORS = Pattern.compile(
      "/api/engine/engine/[^/]+/task/(create|[^/]+/(delegate|resolve|identity-links(/delete)?"
          + "|bpmnError|bpmnEscalation))/?");
  private static final Pattern ATTACHMENTS = Pattern.compile("/api/engine/engine/[^/]+/task/[^/]+/attachment(/.*)?");
  private static final Pattern TASK = Pattern.compile("/api/engine/engine/[^/]+/task/([^/]+)/?");
  private static final Pattern COMMENTS = Pattern.compile("/api/engine/engine/[^/]+/task/([^/]+)/comment(/.*)?");
  private static final Pattern HISTORY = Pattern.compile("/api/engine/engine/[^/]+/history/(.*)");
  private static final Pattern FETCH_AND_LOCK =
      Pattern.compile("/api/engine/engine/[^/]+/external-task/fetchAndLock/?");

  private final String webappPath;
  private final String engineName;
  private final TaskFormFields tasks;

  WebappApiAccess(String webappPath, String engineName, TaskFormFields tasks) {
    this.webappPath = webappPath;
    this.engineName = engineName;
    this.tasks = tasks;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = Requests.path(request);
    return !path.startsWith(webappPath + "/api/") || STATIC_ASSETS.matcher(apiPath(path)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<UserAuthentication> user = WebappSessions.user(request, engineName);
    if (user.isEmpty()) {
      // Not logged in: Camunda answers for itself.
      chain.doFilter(request, response);
      return;
    }
    String path = apiPath(Requests.path(request));
    Optional<String> needed = neededApplication(path, user.get().getAuthorizedApps());
    if (needed.isPresent()) {
      Problems.writeForCamunda(request, response, HttpStatus.FORBIDDEN, "Forbidden",
          "User '" + user.get().getIdentityId()
          + "' may not use this part of the webapps' API: it is for users of " + needed.get() + ".", Map.of());
      return;
    }
    if (FETCH_AND_LOCK.matcher(path).matches()) {
      Problems.writeForCamunda(request, response, HttpStatus.BAD_REQUEST, "Not here", "External task workers fetch"
          + " and lock tasks through Camunda's REST API, /engine-rest, not through the webapps' API.", Map.of());
      return;
    }
    if ("POST".equals(request.getMethod()) && (ASSIGNEE.matcher(path).matches() || CLAIM.matcher(path).matches())) {
      request = CachedBodyRequest.of(request);
    }
    if (!user.get().getAuthorizedApps().contains("cockpit")) {
      Optional<String> refused = refusedToNonOperators(request, path, user.get());
      if (refused.isPresent()) {
        Problems.writeForCamunda(request, response, HttpStatus.FORBIDDEN, "Forbidden", refused.get(), Map.of());
        return;
      }
    }
    Matcher unclaim = UNCLAIM.matcher(path);
    if ("POST".equals(request.getMethod()) && unclaim.matches()) {
      Optional<Task> task = tasks.task(unclaim.group(1));
      if (task.isPresent() && user.get().getIdentityId().equals(task.get().getAssignee()) && hasCsrfToken(request)) {
        tasks.giveBack(task.get(), user.get().getIdentityId(), user.get().getGroupIds(), user.get().getTenantIds());
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
    }
    Matcher claim = CLAIM.matcher(path);
    if ("POST".equals(request.getMethod()) && claim.matches()) {
      CachedBodyRequest cached = (CachedBodyRequest) request;
      if (!claimsForThemselves(user.get().getIdentityId(), claim.group(1), cached.body())) {
        Problems.writeForCamunda(request, response, HttpStatus.FORBIDDEN, "Forbidden",
            "User '" + user.get().getIdentityId()
            + "' may claim a task for themselves only, and give back only their own; a team lead assigns tasks to"
            + " others.", Map.of());
        return;
      }
      chain.doFilter(cached, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Why a user without Cockpit may not make a request, or empty when they may. */
  private Optional<String> refusedToNonOperators(HttpServletRequest request, String path, UserAuthentication user) {
    String method = request.getMethod();
    String who = "User '" + user.getIdentityId() + "' may not ";
    String administrators = "; only administrators (Cockpit) may.";
    Matcher change = TASK_CHANGES_FOR_OPERATORS.matcher(path);
    if (!"GET".equals(method) && change.matches()) {
      String action = change.group(2) == null ? "create tasks"
          : switch (change.group(2)) {
            case "delegate" -> "delegate a task";
            case "resolve" -> "resolve a delegated task";
            case "bpmnError", "bpmnEscalation" -> "end a task with a BPMN error or escalation";
            default -> "change a task's groups, candidates or owner";
          };
      return Optional.of(who + action + administrators);
    }
    if ("PUT".equals(method) && TASK.matcher(path).matches()) {
      return Optional.of(who + "change a task's due date, follow-up date, name or other properties" + administrators);
    }
    if (ATTACHMENTS.matcher(path).matches()) {
      return Optional.of(who + "read or add a task's attachments" + administrators);
    }
    Matcher comments = COMMENTS.matcher(path);
    if (comments.matches()) {
      if ("PUT".equals(method) || "DELETE".equals(method)) {
        return Optional.of(who + "edit or delete comments: what was said on a ticket stays" + administrators);
      }
      if (!tasks.readableBy(comments.group(1), user.getIdentityId(), user.getGroupIds(), user.getTenantIds())) {
        return Optional.of(who + "read or write the comments of a task that is not in their team's queue or"
            + " assigned to them.");
      }
    }
    Matcher history = HISTORY.matcher(path);
    if (history.matches() && !history.group(1).startsWith("user-operation")) {
      return Optional.of(who + "query the history beyond a task's operation log (the History tab)" + administrators);
    }
    Matcher assignment = ASSIGNEE.matcher(path);
    if ("POST".equals(method) && assignment.matches()) {
      return refusedAssignee(assignment.group(1), ((CachedBodyRequest) request).body(), user)
          .map(problem -> who + problem);
    }
    return Optional.empty();
  }

  /**
   * Why a team lead may not give a task to the user the request names: only to a member of the task's team, so that
   * a ticket's data goes to no other team (and no grant to an integration or a user id nobody has yet). Where the
   * lead may not read the task, the engine answers.
   */
  private Optional<String> refusedAssignee(String taskId, byte[] body, UserAuthentication lead) {
    JsonNode assignee;
    try {
      assignee = userId(body);
    } catch (IOException malformed) {
      // Camunda answers a malformed body itself.
      return Optional.empty();
    }
    if (assignee == null) {
      // Without a user the task goes back to its queue.
      return Optional.empty();
    }
    Optional<Task> task = tasks.task(taskId);
    if (task.isEmpty() || !tasks.readableBy(taskId, lead.getIdentityId(), lead.getGroupIds(), lead.getTenantIds())) {
      return Optional.empty();
    }
    List<String> teams = tasks.candidateGroups(task.get());
    if (assignee.isTextual() && tasks.isMemberOfAny(assignee.asText(), teams)) {
      return Optional.empty();
    }
    return Optional.of("give task '" + task.get().getName() + "' to '" + assignee.asText() + "', who is not an agent"
        + " of its team " + teams + ".");
  }

  /** The application a request needs that the user may not open, or empty when the user may make it. */
  private static Optional<String> neededApplication(String path, Set<String> apps) {
    if (path.startsWith("/api/admin/auth/") || path.startsWith("/api/welcome/")
        || path.equals("/api/engine/engine/") || path.equals("/api/engine/engine")) {
      return Optional.empty();
    }
    if (COCKPIT_ONLY.matcher(path).matches() || path.startsWith("/api/cockpit/")) {
      return apps.contains("cockpit") ? Optional.empty() : Optional.of("Cockpit");
    }
    if (path.startsWith("/api/tasklist/")) {
      return apps.contains("tasklist") ? Optional.empty() : Optional.of("Tasklist");
    }
    if (path.startsWith("/api/admin/")) {
      return apps.contains("admin") ? Optional.empty() : Optional.of("Admin");
    }
    return apps.stream().anyMatch(WEBAPPS::contains) ? Optional.empty() : Optional.of("Tasklist, Cockpit or Admin");
  }

  private boolean claimsForThemselves(String userId, String taskId, byte[] body) {
    JsonNode claimed;
    try {
      claimed = userId(body);
    } catch (IOException malformed) {
      // Camunda answers a malformed body itself.
      return true;
    }
    if (claimed != null) {
      return claimed.isTextual() && userId.equals(claimed.asText());
    }
    // Without a user id a claim gives the task back: only its holder may.
    Optional<Task> task = tasks.task(taskId);
    return task.isEmpty() || Objects.equals(userId, task.get().getAssignee());
  }

  /** The {@code userId} of a claim's or an assignment's body, or {@code null} when it has none (or it is null). */
  private static JsonNode userId(byte[] body) throws IOException {
    JsonNode userId = body.length == 0 ? null : JSON.readTree(body);
    userId = userId == null ? null : userId.path("userId");
    return userId == null || userId.isNull() || userId.isMissingNode() ? null : userId;
  }

  /** The webapps' CSRF token of the session, which Camunda checks on every request this filter does not answer. */
  private static boolean hasCsrfToken(HttpServletRequest request) {
    Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return expected != null && expected.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
  }

  private String apiPath(String path) {
    return path.substring(webappPath.length());
  }

}
