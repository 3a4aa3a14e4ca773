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
 * Names every user task of the ticket process after its ticket: "Triage T-10001", "Investigate T-10001" (the labels
 * of {@link TicketProcess.UserTask}), so that a Tasklist row says which ticket it is and Tasklist's search box, which
 * looks for the typed text in task names, finds a ticket by its id. A built-in create listener, added when the engine
 * parses the ticket process: the models keep their readable names ("Triage ticket"), and a task an operator starts
 * with "skip listeners" is named too.
 */
@Component
public class TicketTaskNames extends AbstractProcessEnginePlugin implements TaskListener {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    BpmnParseListener listener = new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && TicketProcess.PROCESS_KEY.equals(definition.getKey())
            && TicketProcess.userTask(activity.getId()).isPresent()
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(EVENTNAME_CREATE, TicketTaskNames.this);
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
  }
}
