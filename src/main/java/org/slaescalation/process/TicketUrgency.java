package org.slaescalation.process;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slaescalation.ticket.Coded;
import org.slaescalation.ticket.Priority;
import org.slaescalation.ticket.Tier;
import org.slaescalation.ticket.TicketVariables;
import org.springframework.stereotype.Component;

/**
 * The Camunda task priority of a ticket's user tasks, so that Tasklist sorts the most urgent work
 * first: the ticket priority sets the band, the customer tier orders tickets within a band.
 */
@Component("ticketUrgency")
public class TicketUrgency {

  public int taskPriority(VariableScope execution) {
    Priority priority = Coded.fromCode(Priority.class, (String) execution.getVariable(TicketVariables.PRIORITY))
        .orElse(Priority.P4);
    Tier tier = Coded.fromCode(Tier.class, (String) execution.getVariable(TicketVariables.TIER))
        .orElse(Tier.FREE);
    return taskPriority(priority, tier);
  }

  /**
   * The ticket priority a task was created with, read back from its task priority (the band of
   * {@link #taskPriority(Priority, Tier)}): history keeps the task priority, not the ticket's variables of then.
   */
  public static Optional<Priority> priorityOf(int taskPriority) {
    return Arrays.stream(Priority.values())
        .filter(priority -> taskPriority >= taskPriority(priority, Tier.FREE)
            && taskPriority <= taskPriority(priority, Tier.ENTERPRISE))
        .findFirst();
  }

  public static int taskPriority(Priority priority, Tier tier) {
    int band = switch (priority) {
      case P1 -> 90;
      case P2 -> 70;
      case P3 -> 50;
      case P4 -> 30;
    };
    int withinBand = switch (tier) {
      case ENTERPRISE -> 6;
      case BUSINESS -> 4;
      case STANDARD -> 2;
      case FREE -> 0;
    };
    return band + withinBand;
  }
}
