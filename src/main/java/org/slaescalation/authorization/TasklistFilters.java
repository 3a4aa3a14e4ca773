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
  /** Support's tickets that wait for the customer's answer, the one that closes first on top. */
  public static final String WAITING_ON_CUSTOMER = "Waiting on customer";

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

  /** What each row of "Waiting on customer" shows: the ticket, then since when it waits. */
  public static final List<RowVariable> WAITING_ROW_VARIABLES = java.util.stream.Stream.concat(ROW_VARIABLES.stream(),
      java.util.stream.Stream.of(new RowVariable(TicketVariables.WAITING_SINCE, "Waiting since"))).toList();

  /** The queue of a team: "Support queue", "Engineering queue", "Sysadmin queue". */
  public static String queue(Team team) {
    return team.displayName() + " queue";
  }

  /**
   * The {@code variables} property of a filter whose property is {@code current} now: the {@link #ROW_VARIABLES},
   * then the entries of {@code current} that name other variables (an administrator's additions).
   */
  static List<Map<String, Object>> rowVariables(List<?> current) {
    return rowVariables(ROW_VARIABLES, current);
  }

  /** As {@link #rowVariables(List)}, with {@code ours} first. */
  static List<Map<String, Object>> rowVariables(List<RowVariable> ours, List<?> current) {
    List<Map<String, Object>> variables = new ArrayList<>(ours.stream().map(RowVariable::asProperty).toList());
    for (Object entry : current) {
      if (entry instanceof Map<?, ?> variable
          && ours.stream().noneMatch(row -> row.name().equals(variable.get("name")))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) variable;
        variables.add(kept);
      }
    }
    return variables;
  }
}
