package org.slaescalation.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slaescalation.engine.PluginLists;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketRepository;
import org.slaescalation.ticket.TicketVariables;

/**
 * A ticket process instance starts only for a registered ticket that has none yet: its business key is the id of a
 * row of the table {@code ticket}, its variable {@code ticketId} the same, and no other instance has or had that key.
 * {@link TicketService#open} makes it so (the ticket API and Tasklist's start form <i>Open ticket</i> go through it); a
 * start by any other path (Camunda's REST API, a call activity of another model, a modification) is refused, so that no ticket has two process instances and no instance a ticket
 * the service does not know. A listener on the start of every version of the ticket process, added when the engine
 * parses it, so that the models stay free of it.
 */
@Component
class RegisteredTicketsOnly extends AbstractProcessEnginePlugin implements ExecutionListener {

  /** Looked up at the first start: the ticket table is migrated after the engine is built, with this plugin. */
  private final ObjectProvider<TicketRepository> repository;

  RegisteredTicketsOnly(ObjectProvider<TicketRepository> repository) {
    this.repository = repository;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    BpmnParseListener listener = new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (TicketProcess.PROCESS_KEY.equals(processDefinition.getKey())) {
          processDefinition.addListener(ExecutionListener.EVENTNAME_START, RegisteredTicketsOnly.this);
        }
      }
    };
    configuration.setCustomPreBPMNParseListeners(
        PluginLists.with(configuration.getCustomPreBPMNParseListeners(), listener));
  }

  @Override
  public void notify(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    boolean registered = TicketId.number(businessKey).stream()
        .anyMatch(number -> repository.getObject().isRegistered(number));
    if (!registered || !businessKey.equals(execution.getVariable(TicketVariables.TICKET_ID))
        || hadInstance(execution.getProcessEngineServices(), businessKey)) {
      throw new BadUserRequestException("A ticket is opened with POST /api/tickets, which registers it and starts its"
          + " process; the ticket process is not started any other way (business key '" + businessKey + "')");
    }
  }

  /** Whether the ticket has or had a process instance: one that ended counts, or a closed ticket could reopen. */
  private static boolean hadInstance(ProcessEngineServices engine, String businessKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY)
        .processInstanceBusinessKey(businessKey).count() > 0
        || engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey(TicketProcess.PROCESS_KEY).processInstanceBusinessKey(businessKey).count() > 0;
  }
}
