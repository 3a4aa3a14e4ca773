package org.slaescalation.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slaescalation.engine.PluginLists;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketVariables;
import org.springframework.stereotype.Component;

/**
 * How a ticket's task shows in Tasklist. A built-in create listener of every user task of the ticket process, added
 * when the engine parses it: the models keep their readable names ("Triage ticket") and are not edited for it, and a
 * task an operator starts with "skip listeners" gets it too.
 *
 * <ul>
 *   <li>The task is named after its ticket: "Triage T-10001", "Investigate T-10001" (the labels of
 *       {@link TicketProcess.UserTask}), so that its row says which ticket it is and Tasklist's search box, which
 *       looks for the typed text in task names, finds the ticket by its id.
 *   <li>The {@link TicketVariables#TASKLIST_ROW} variables the filters show in each row (ticket id, subject,
 *       customer, tier, priority) are copied onto the task as local variables. Tasklist reads a row's variables with
 *       a variable query, which shows an agent a process variable only with {@code READ} on the whole process
 *       instance; agents may read a ticket only through its task ({@code READ} on the task), which shows the task's
 *       own variables. The copies carry the same values; a priority or tier changed through the ticket API is
 *       changed on the open task too ({@code TicketService.change}), and a completion writes the form's fields to
 *       the process instance, never to the copies.
 * </ul>
 *
 * <p>Open tasks of an earlier version get both at the next start ({@link OpenTasksDisplay}).
 */
@Component
public class TicketTaskDisplay extends AbstractProcessEnginePlugin implements TaskListener {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    BpmnParseListener listener = new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && TicketProcess.PROCESS_KEY.equals(definition.getKey())
            && TicketProcess.userTask(activity.getId()).isPresent()
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(EVENTNAME_CREATE, TicketTaskDisplay.this);
        }
      }
    };
    configuration.setCustomPreBPMNParseListeners(
        PluginLists.with(configuration.getCustomPreBPMNParseListeners(), listener));
  }

  @Override
  public void notify(DelegateTask task) {
    Object ticketId = task.getVariable(TicketVariables.TICKET_ID);
    TicketProcess.userTask(task.getTaskDefinitionKey())
        .ifPresent(userTask -> task.setName(userTask.taskName(ticketId instanceof String id ? id : null)));
    for (String name : TicketVariables.TASKLIST_ROW) {
      Object value = task.getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
    if (TicketProcess.TASK_AWAIT_CUSTOMER.equals(task.getTaskDefinitionKey())
        && task.getVariable(TicketVariables.WAITING_SINCE) != null) {
      // The filter "Waiting on customer" shows since when.
      task.setVariableLocal(TicketVariables.WAITING_SINCE, task.getVariable(TicketVariables.WAITING_SINCE));
    }
  }
}
