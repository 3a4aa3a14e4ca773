package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.TIER;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ladder.EscalationMeters;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts each breach in {@code escalation.breaches{clock, tier}} with the ticket's tier at that moment. A clock is
 * breached by its breach rung or by a stop after its breach instant (a team completing its task, a reply sent, the
 * resolution), from a step of the ticket's process or of its reply mail; the clocks announce it
 * ({@link ClockStints.Breached}) and do not know the tier, a variable of the ticket's process instance, so it is read
 * here, in the transaction that breached the clock.
 */
@Component
class BreachMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(BreachMetrics.class);

  private final RuntimeService runtime;
  private final EscalationMeters meters;

  BreachMetrics(RuntimeService runtime, EscalationMeters meters) {
    this.runtime = runtime;
    this.meters = meters;
  }

  @EventListener
  public void breached(ClockStints.Breached breached) {
    meters.breached(breached.clock(), tier(breached.ticketNumber()));
  }

  /**
   * The ticket's tier, or null when its process instance is not found. The step that breached the clock may run as
   * an agent completing a task, who may not read the instance: the read is the service's own. Two small indexed
   * reads per breach, which is rare.
   */
  private String tier(long ticketNumber) {
    Callable<String> read = () -> {
      ProcessInstance instance = runtime.createProcessInstanceQuery()
          .processDefinitionKey(TicketProcess.PROCESS_KEY)
          .processInstanceBusinessKey(TicketId.of(ticketNumber))
          .singleResult();
      return instance == null ? null : runtime.getVariable(instance.getId(), TIER) instanceof String tier ? tier
          : null;
    };
    CommandContext command = Context.getCommandContext();
    try {
      return command == null ? read.call() : command.runWithoutAuthorization(read);
    } catch (Exception e) {
      // A metric never fails the step that breached the clock; the breach counts with tier "unknown".
      LOG.warn("Tier of ticket {} not read for escalation.breaches: {}", TicketId.of(ticketNumber), e.toString());
      return null;
    }
  }
}
