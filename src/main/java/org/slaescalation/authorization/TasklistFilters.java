package org.slaescalation.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.TicketVariables;

/**
 * The Tasklist filters the service creates: their names, which grants refer to, and what each row of every filter
 * shows of its ticket (Camunda's filter property {@code variables}).
 */
public final class TasklistFilters {

  public static final String MY_TASKS = "My tasks";
  public static final String ALL_OPEN_TICKETS = "All open tickets";

  /** A value every Tasklist row shows: a variable of the ticket (copied onto its task), under a label. */
  public record RowVariable(String name, String label) {

    public RowVariable {
      Objects.requireNonNull(label, () -> "No Tasklist label for variable " + name);
    }

    Map<String, Object> asProperty() {
      return Map.of("name", name, "label", label);
    }
  }

  private static final Map<String, String> LABELS = Map.of(
      TicketVariables.TICKET_ID, "Ticket",
      TicketVariables.SUBJECT, "Subject",
      TicketVariables.CUSTOMER_NAME, "Customer",
      TicketVariables.TIER, "Tier",
      TicketVariables.PRIORITY, "Priority");

  /** What every row shows of its ticket ({@link TicketVariables#TASKLIST_ROW}), in this order, with labels. */
  public static final List<RowVariable> ROW_VARIABLES = TicketVariables.TASKLIST_ROW.stream()
      .map(name -> new RowVariable(name, LABELS.get(name)))
      .toList();

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
