package org.slaescalation.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.web.DatabaseFailures;

/**
 * The tasks of the webapps' API as the service's checks see them. What completing a task may change: the fields its
 * deployed Camunda Form lets the user edit (not disabled, not read-only). The form is the contract: a completion that
 * sets any other variable than a field the form shows, or changes one of those that is not editable, is refused, so
 * that an agent with the right to work on a task cannot rewrite the ticket (its subject, priority, customer address,
 * another team's note) or another ticket's id through the task's completion. Read from the engine without a user:
 * the caller is checked by the engine afterwards.
 */
final class TaskFormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskService taskService;
  private final FormService formService;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  /**
   * A field of a task's Camunda Form: whether the user may edit it (not disabled, not read-only), and the form's own
   * rules for it: required, at most {@code maxLength} characters (0: no limit), one of {@code values} (a radio or a
   * select; empty: any text).
   */
  record Field(String key, boolean editable, boolean required, int maxLength, Set<String> values) {}

  /** The fields of a task's Camunda Form by key: those it shows, the editable ones among them. */
  record Fields(Map<String, Field> byKey) {

    Set<String> editable() {
      Set<String> keys = new TreeSet<>();
      byKey.values().stream().filter(Field::editable).forEach(field -> keys.add(field.key()));
      return keys;
    }
  }

  /** Fields by process definition and task definition key; only forms that were read are kept. */
  private final Cache<String, Fields> fields = Caffeine.newBuilder().maximumSize(1_000).build();

  TaskFormFields(TaskService taskService, FormService formService, IdentityService identityService,
      AuthorizationService authorizationService) {
    this.taskService = taskService;
    this.formService = formService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  Optional<Task> task(String taskId) {
    return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult());
  }

  /** The fields of the task's Camunda Form, or empty when it has none or it cannot be read. */
  Optional<Fields> fields(Task task) {
    String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
    Fields known = fields.getIfPresent(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Fields> read = read(task);
    read.ifPresent(found -> fields.put(key, found));
    return read;
  }

  /**
   * Whether the user may work on the task: {@code TASK_WORK} or {@code UPDATE} on it, or {@code TASK_WORK} or
   * {@code UPDATE_TASK} on its process definition (the permissions the engine accepts for a completion).
   */
  boolean workableBy(Task task, String userId, List<String> groupIds) {
    String definitionKey = processKey(task);
    return authorizationService.isUserAuthorized(userId, groupIds, TaskPermissions.TASK_WORK, Resources.TASK,
        task.getId())
        || authorizationService.isUserAuthorized(userId, groupIds, Permissions.UPDATE, Resources.TASK, task.getId())
        || definitionKey != null && (authorizationService.isUserAuthorized(userId, groupIds,
            ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION, definitionKey)
        || authorizationService.isUserAuthorized(userId, groupIds, ProcessDefinitionPermissions.UPDATE_TASK,
            Resources.PROCESS_DEFINITION, definitionKey));
  }

  /** The key of the task's process definition, or null for a task outside a process. */
  static String processKey(Task task) {
    String definition = task.getProcessDefinitionId();
    return definition == null || definition.indexOf(':') < 0 ? null : definition.substring(0, definition.indexOf(':'));
  }

  /** Whether the user may read the task now (the engine's authorization check, as that user). */
  boolean readableBy(String taskId, String userId, List<String> groupIds, List<String> tenantIds) {
    return asUser(userId, groupIds, tenantIds, () -> taskService.createTaskQuery().taskId(taskId).count() > 0);
  }

  /**
   * Gives a task back as its holder: a claim without a user, made as that user, so that the engine checks it and
   * the operation log names them.
   */
  void giveBack(Task task, String userId, List<String> groupIds, List<String> tenantIds) {
    asUser(userId, groupIds, tenantIds, () -> {
      taskService.claim(task.getId(), null);
      return null;
    });
  }

  /** Runs {@code work} with the engine's authorization checks as that user. */
  private <T> T asUser(String userId, List<String> groupIds, List<String> tenantIds, Supplier<T> work) {
    identityService.setAuthentication(userId, groupIds, tenantIds);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The groups that are candidates of the task: for a ticket's task, its team. */
  List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).sorted().toList();
  }

  /** Whether the user exists and is a member of one of the groups. */
  boolean isMemberOfAny(String userId, List<String> groupIds) {
    return groupIds.stream()
        .anyMatch(group -> identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
  }

  /** The values of these variables as the task sees them (task-local first, then the process instance's). */
  Map<String, Object> current(Task task, Collection<String> names) {
    return names.isEmpty() ? Map.of() : taskService.getVariables(task.getId(), names);
  }

  private Optional<Fields> read(Task task) {
    try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
      JsonNode schema = JSON.readTree(form);
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(schema.path("components"), fields);
      return Optional.of(new Fields(Map.copyOf(fields)));
    } catch (ProcessEngineException noCamundaForm) {
      if (DatabaseFailures.of(noCamundaForm).isPresent()) {
        throw noCamundaForm; // the database could not say whether there is a form: a 503, not "no form"
      }
      return Optional.empty();
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        String key = component.get("key").asText();
        JsonNode validate = component.path("validate");
        Set<String> values = new TreeSet<>();
        component.path("values").forEach(option -> values.add(option.path("value").asText()));
        fields.put(key, new Field(key,
            !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false),
            validate.path("required").asBoolean(false), validate.path("maxLength").asInt(0), Set.copyOf(values)));
      }
      collect(component.path("components"), fields);
    }
  }
}
