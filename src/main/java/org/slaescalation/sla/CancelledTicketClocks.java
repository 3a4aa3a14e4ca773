package org.slaescalation.sla;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slaescalation.engine.PluginLists;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Stops the clocks of a ticket whose process instance is deleted (Cockpit's <i>Cancel</i>, {@code DELETE
 * /engine-rest/process-instance/{id}}): {@link SlaClocks#cancel}. It listens to the engine's history event of the
 * instance's end, which the engine produces also when listeners are skipped, in the transaction of the deletion.
 */
@Component
class CancelledTicketClocks extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  /** Looked up at the first event: the clocks' tables are migrated after the engine is built, with this plugin. */
  private final ObjectProvider<SlaClocks> clocks;

  CancelledTicketClocks(ObjectProvider<SlaClocks> clocks) {
    this.clocks = clocks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomHistoryEventHandlers(PluginLists.with(configuration.getCustomHistoryEventHandlers(), this));
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricProcessInstanceEventEntity instance
        && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())
        && TicketProcess.PROCESS_KEY.equals(instance.getProcessDefinitionKey())
        && TicketProcess.wasCancelled(instance.getState(), instance.getDeleteReason())) {
      TicketId.number(instance.getBusinessKey()).ifPresent(clocks.getObject()::cancel);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
