package org.slaescalation.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.TicketVariables;

/**
 * The Tasklist filters the service creates: their names, which grants refer to, and what each row of every filter
 * shows of its ticket (Camunda's filter property {@code variables}).
 */
public final class TasklistFilters {

  public static final String MY_TASKS = "My tasks";
  public static final String ALL_OPEN_TICKETS = "All open tickets";

  /** A value every Tasklist row shows: a process variable of the task's ticket, under a label. */
  public record RowVariable(String name, String label) {

    Map<String, Object> asProperty() {
      return Map.of("name", name, "label", label);
    }
  }

  /** What every row shows of its ticket, in this order. */
  public static final List<RowVariable> ROW_VARIABLES = List.of(
      new RowVariable(TicketVariables.TICKET_ID, "Ticket"),
      new RowVariable(TicketVariables.SUBJECT, "Subject"),
      new RowVariable(TicketVariables.CUSTOMER_NAME, "Customer"),
      new RowVariable(TicketVariables.TIER, "Tier"),
      new RowVariable(TicketVariables.PRIORITY, "Priority"));

  private TasklistFilters() {}

  /** The queue of a team: "Support queue", "Engineering queue", "Sysadmin queue". */
  public static String queue(Team team) {
    return team.displayName() + " queue";
  }

  /**
   * The {@code variables} property of a filter whose property is {@code current} now: the {@link #ROW_VARIABLES},
   * then the entries of {@code current} that name other variables (an administrator's additions).
   */
  static List<Map<String, Object>> rowVariables(List<?> current) {
    List<Map<String, Object>> variables = new ArrayList<>(ROW_VARIABLES.stream().map(RowVariable::asProperty).toList());
    for (Object entry : current) {
      if (entry instanceof Map<?, ?> variable
          && ROW_VARIABLES.stream().noneMatch(ours -> ours.name().equals(variable.get("name")))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) variable;
        variables.add(kept);
      }
    }
    return variables;
  }
}
