package org.slaescalation.process;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.engine.PluginLists;
import org.slaescalation.ladder.Escalations;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Stops the clocks of a ticket whose process instance is deleted (Cockpit's <i>Cancel</i>, {@code DELETE
 * /engine-rest/process-instance/{id}}): its open stints are cancelled ({@link ClockStints#cancel}) and
 * its escalation mails not yet sent will not be. It listens to the engine's history event of the
 * instance's end, which the engine produces also when listeners are skipped, in the transaction of the deletion.
 */
@Component
class CancelledTicketHandler extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  /** Looked up at the first event: the clocks' tables are migrated after the engine is built, with this plugin. */
  private final ObjectProvider<ClockStints> clocks;
  private final ObjectProvider<Escalations> escalations;

  CancelledTicketHandler(ObjectProvider<ClockStints> clocks, ObjectProvider<Escalations> escalations) {
    this.clocks = clocks;
    this.escalations = escalations;
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
        && TicketService.wasCancelled(instance.getState(), instance.getDeleteReason())) {
      TicketId.number(instance.getBusinessKey()).ifPresent(ticket -> {
        clocks.getObject().cancel(ticket);
        escalations.getObject().cancelPending(ticket);
      });
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
