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
 * The tasks of the webapps' API as the service's checks see them. What completing a task may change: the fields its deployed Camunda Form lets the user edit (not disabled, not
 * read-only). The form is the contract: a completion that sets any other variable of the ticket to another value
 * than it has is refused, so that an agent with the right to work on a task cannot rewrite the ticket (its subject,
 * priority, customer address, another team's note) or another ticket's id through the task's completion. Read from
 * the engine without a user: the caller is checked by the engine afterwards.
 */
final class TaskFormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskService taskService;
  private final FormService formService;
  private final IdentityService identityService;
  /** Editable fields by process definition and task definition key; empty when the task has no Camunda Form. */
  private final Cache<String, Optional<Set<String>>> editable =
      Caffeine.newBuilder().maximumSize(1_000).build();

  TaskFormFields(TaskService taskService, FormService formService, IdentityService identityService) {
    this.taskService = taskService;
    this.formService = formService;
    this.identityService = identityService;
  }

  Optional<Task> task(String taskId) {
    return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult());
  }

  /** The keys of the fields the task's form lets the user edit, or empty when the task has no Camunda Form. */
  Optional<Set<String>> editable(Task task) {
    return editable.get(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), key -> read(task));
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

  private Optional<Set<String>> read(Task task) {
    try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
      JsonNode schema = JSON.readTree(form);
      Set<String> keys = new HashSet<>();
      collect(schema.path("components"), keys);
      return Optional.of(Set.copyOf(keys));
    } catch (ProcessEngineException | IOException noCamundaForm) {
      return Optional.empty();
    }
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
          && !component.path("readonly").asBoolean(false)) {
        keys.add(component.get("key").asText());
      }
      collect(component.path("components"), keys);
    }
  }
}
