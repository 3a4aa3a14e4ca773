package org.slaescalation.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives the open tasks of an earlier version what {@link TicketTaskDisplay} gives a new task: the name
 * with the ticket id and the copies of the row's variables. It looks only at the tasks whose name lacks the ticket
 * id (a few queries once every task has it) and runs under {@code engine.StartupLock}; a task that another node
 * completes meanwhile is left alone, its successor is created with both.
 */
@Component
@Order(14)
class OpenTasksDisplay implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OpenTasksDisplay.class);

  private final TaskService taskService;

  OpenTasksDisplay(TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    int updated = 0;
    for (TicketProcess.UserTask userTask : TicketProcess.userTasks().values()) {
      List<Task> unnamed = taskService.createTaskQuery()
          .processDefinitionKey(TicketProcess.PROCESS_KEY)
          .taskDefinitionKey(userTask.id())
          .taskNameNotLike(userTask.label() + " T-%")
          .list();
      for (Task task : unnamed) {
        try {
          update(task, userTask);
          updated++;
        } catch (OptimisticLockingException e) {
          LOG.info("Task {} changed while it was being renamed; left as it is", task.getId());
        }
      }
    }
    if (updated > 0) {
      LOG.info("Named {} open task(s) after their tickets and copied their Tasklist rows' variables", updated);
    }
  }

  private void update(Task task, TicketProcess.UserTask userTask) {
    Map<String, Object> row = new HashMap<>(taskService.getVariables(task.getId(), TicketVariables.TASKLIST_ROW));
    row.values().removeIf(value -> value == null);
    // Named first: setting a task's variables updates the task (its last-updated time), a newer revision.
    task.setName(userTask.taskName((String) row.get(TicketVariables.TICKET_ID)));
    taskService.saveTask(task);
    taskService.setVariablesLocal(task.getId(), row);
  }
}
