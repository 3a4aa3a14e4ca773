package org.slaescalation.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

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
  /** The fields of a task's Camunda Form: those the user may edit, and all it shows (the editable ones too). */
  record Fields(Set<String> editable, Set<String> shown) {}

  /** Fields by process definition and task definition key; only forms that were read are kept. */
  private final Cache<String, Fields> fields = Caffeine.newBuilder().maximumSize(1_000).build();

  TaskFormFields(TaskService taskService, FormService formService, IdentityService identityService) {
    this.taskService = taskService;
    this.formService = formService;
    this.identityService = identityService;
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

  /** Whether the user may read the task now (the engine's authorization check, as that user). */
  boolean readableBy(String taskId, String userId, List<String> groupIds, List<String> tenantIds) {
    identityService.setAuthentication(userId, groupIds, tenantIds);
    try {
      return taskService.createTaskQuery().taskId(taskId).count() > 0;
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * Gives a task back as its holder: a claim without a user, made as that user, so that the engine checks it and
   * the operation log names them.
   */
  void giveBack(Task task, String userId, List<String> groupIds, List<String> tenantIds) {
    identityService.setAuthentication(userId, groupIds, tenantIds);
    try {
      taskService.claim(task.getId(), null);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The value of a variable as the task sees it (task-local first, then the process instance's). */
  Object current(Task task, String name) {
    return taskService.getVariable(task.getId(), name);
  }

  private Optional<Fields> read(Task task) {
    try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
      JsonNode schema = JSON.readTree(form);
      Set<String> editable = new HashSet<>();
      Set<String> shown = new HashSet<>();
      collect(schema.path("components"), editable, shown);
      return Optional.of(new Fields(Set.copyOf(editable), Set.copyOf(shown)));
    } catch (ProcessEngineException | IOException noCamundaForm) {
      return Optional.empty();
    }
  }

  private static void collect(JsonNode components, Set<String> editable, Set<String> shown) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        String key = component.get("key").asText();
        shown.add(key);
        if (!component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false)) {
          editable.add(key);
        }
      }
      collect(component.path("components"), editable, shown);
    }
  }
}
