package org.slaescalation.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.web.CachedBodyRequest;
import org.slaescalation.web.Problems;
import org.slaescalation.web.Requests;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a completion of a task ({@code complete}, {@code submit-form}, {@code resolve}, on {@code /engine-rest} and
 * on the webapps' API) to the task's Camunda Form, which is the contract of what a completion may change
 * ({@link TaskFormFields}): 400 naming the field when
 *
 * <ul>
 *   <li>it sends a variable the form does not show, or changes one the form shows but does not let the user edit
 *       (those come back unchanged, as text);
 *   <li>an editable field is not text ({@code type} other than {@code String}, a number, a {@code valueInfo} such as
 *       {@code transient}), is longer than the form's {@code maxLength}, is not one of the options of a radio, or is
 *       missing or blank while the form requires it.
 * </ul>
 *
 * A task of the ticket process whose form cannot be read is not completed this way at all. The guard runs after the
 * caller is authenticated, and only on a task the caller may work on (administrators on {@code /engine-rest}; on the
 * webapps' API, the session's user, {@link TaskFormFields#workableBy}): anyone else gets the engine's own answer,
 * and learns nothing of the task's form.
 */
class TaskCompletionGuard extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COMPLETION =
      Pattern.compile("(/engine/[^/]+)?/task/([^/]+)/(complete|submit-form|resolve)/?");

  private final String apiPrefix;
  private final String engineName;
  private final TaskFormFields forms;
  private final boolean sessionUsers;

  private TaskCompletionGuard(String apiPrefix, String engineName, TaskFormFields forms, boolean sessionUsers) {
    this.apiPrefix = apiPrefix;
    this.engineName = engineName;
    this.forms = forms;
    this.sessionUsers = sessionUsers;
  }

  /** For {@code /engine-rest}, behind HTTP Basic and its role check. */
  static TaskCompletionGuard forRestApi(TaskFormFields forms) {
    return new TaskCompletionGuard("/engine-rest", null, forms, false);
  }

  /** For the webapps' API, for the user of the webapps' session. */
  static TaskCompletionGuard forWebapps(String webappPath, String engineName, TaskFormFields forms) {
    return new TaskCompletionGuard(webappPath + "/api/engine/engine/" + engineName, engineName, forms, true);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || taskId(request).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Task> task = taskId(request).flatMap(forms::task).filter(found -> mayWork(request, found));
    if (task.isEmpty() || !Requests.isJson(request)) {
      // Camunda answers for a task the caller may not see, and refuses any body but JSON itself.
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request);
    JsonNode variables;
    try {
      JsonNode body = cached.body().length == 0 ? null : JSON.readTree(cached.body());
      variables = body == null ? JSON.createObjectNode() : body.path("variables");
    } catch (JsonProcessingException malformed) {
      // Refused before, by CamundaRestGuard; Camunda answers anything else.
      chain.doFilter(cached, response);
      return;
    }
    Optional<String> problem = problem(task.get(), variables.isObject() ? variables : JSON.createObjectNode());
    if (problem.isPresent()) {
      Problems.writeForCamunda(request, response, HttpStatus.BAD_REQUEST, "Invalid form submission", problem.get(),
          Map.of());
      return;
    }
    chain.doFilter(cached, response);
  }

  private boolean mayWork(HttpServletRequest request, Task task) {
    if (!sessionUsers) {
      return true;
    }
    Optional<UserAuthentication> user = WebappSessions.user(request, engineName);
    return user.isPresent() && forms.workableBy(task, user.get().getIdentityId(), user.get().getGroupIds());
  }

  /** Why a completion with these variables is refused, or empty when the task's form allows them. */
  private Optional<String> problem(Task task, JsonNode variables) {
    Optional<TaskFormFields.Fields> form = forms.fields(task);
    String name = "task '" + task.getName() + "'";
    if (form.isEmpty()) {
      return TicketProcess.PROCESS_KEY.equals(TaskFormFields.processKey(task))
          ? Optional.of("The form of " + name + " cannot be read now; nothing was changed") : Optional.empty();
    }
    Map<String, TaskFormFields.Field> fields = form.get().byKey();
    List<String> shownOnly = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> sent = variables.fields(); sent.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = sent.next();
      TaskFormFields.Field field = fields.get(variable.getKey());
      if (field == null) {
        return Optional.of(notAField(variable.getKey(), name, form.get()));
      }
      if (!field.editable()) {
        shownOnly.add(variable.getKey());
        continue;
      }
      Optional<String> wrong = wrongValue(field, variable.getValue(), name);
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    Map<String, Object> current = forms.current(task, shownOnly);
    for (String shown : shownOnly) {
      if (!unchanged(current.get(shown), variables.get(shown))) {
        return Optional.of(notAField(shown, name, form.get()));
      }
    }
    return fields.values().stream()
        .filter(field -> field.editable() && field.required() && blank(variables.path(field.key()).path("value")))
        .findFirst()
        .map(field -> "Field '" + field.key() + "' of " + name + " is required");
  }

  private static String notAField(String variable, String task, TaskFormFields.Fields form) {
    return "Variable '" + variable + "' is not a field of the form of " + task + " that may change; its completion"
        + " sets " + form.editable() + " only";
  }

  private static Optional<String> wrongValue(TaskFormFields.Field field, JsonNode variable, String name) {
    JsonNode value = variable.path("value");
    String type = variable.path("type").asText("");
    boolean textType = type.isEmpty() || "string".equalsIgnoreCase(type) || "null".equalsIgnoreCase(type);
    JsonNode valueInfo = variable.path("valueInfo");
    boolean plain = valueInfo.isMissingNode() || valueInfo.isNull() || (valueInfo.isObject() && valueInfo.isEmpty());
    if (!textType || !plain || !(value.isTextual() || value.isNull() || value.isMissingNode())) {
      return Optional.of("Field '" + field.key() + "' of " + name + " is text, without valueInfo");
    }
    if (field.maxLength() > 0 && value.isTextual() && value.asText().length() > field.maxLength()) {
      return Optional.of("Field '" + field.key() + "' of " + name + " holds at most " + field.maxLength()
          + " characters, not " + value.asText().length());
    }
    if (!field.values().isEmpty() && value.isTextual() && !field.values().contains(value.asText())) {
      return Optional.of("Field '" + field.key() + "' of " + name + " is one of " + field.values());
    }
    return Optional.empty();
  }

  /** A form sends the values it shows back unchanged, as text: only those may come with a completion. */
  private static boolean unchanged(Object current, JsonNode variable) {
    JsonNode sent = variable.path("value");
    String type = variable.path("type").asText("");
    boolean textType = type.isEmpty() || "string".equalsIgnoreCase(type);
    if (current == null) {
      return (sent.isNull() || sent.isMissingNode()) && (textType || "null".equalsIgnoreCase(type));
    }
    return current instanceof String text && sent.isTextual() && text.equals(sent.asText()) && textType;
  }

  private static boolean blank(JsonNode value) {
    return !value.isTextual() || value.asText().isBlank();
  }

  private Optional<String> taskId(HttpServletRequest request) {
    String path = Requests.path(request);
    if (!path.startsWith(apiPrefix + "/")) {
      return Optional.empty();
    }
    Matcher completion = COMPLETION.matcher(path.substring(apiPrefix.length()));
    return completion.matches() && (!sessionUsers || completion.group(1) == null)
        ? Optional.of(completion.group(2)) : Optional.empty();
  }
}
