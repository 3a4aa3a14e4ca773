package org.slaescalation.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slaescalation.team.Team;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the tickets of {@code GET /api/tickets} in one query for the page and one for the count, whatever the
 * number of tickets, and the open tickets of the SLA board ({@code GET /api/board}) in one query with the same
 * status, team and filters: the ticket registry joined to the engine's history of each ticket's process instance
 * (business key = ticket id), its oldest task, its message subscription (waiting on the customer), its process
 * variables ({@code tier}, {@code priority}) and the SLA clock stints. A ticket closes when the registry records it
 * (its instance waits out the reopen window) or when its instance ends. The status is derived as
 * {@link TicketService#get(String)} derives it (TicketListApiTest compares the two).
 */
@Repository
class TicketListing {

  /** What the query gives of a ticket; the rest of its row comes from its variables. */
  record Row(long number, String processInstanceId, Instant createdAt, Instant closedAt, String status,
      String taskKey, String taskId, boolean breached, boolean atRisk) {}

  record Found(List<Row> rows, long total) {}

  private static final String SLA_CLOCKS = "('first-response', 'resolution')";

  /** Each ticket with its status, oldest task and clock flags; filtered by the outer query. */
  private static final String TICKETS = """
      select x.*,
        case
          when x.closed_at is not null then case when x.terminated = 1 then 'cancelled' else 'closed' end
          when x.waiting = 1 then 'waiting-on-customer'
          when x.task_key = :confirmTask then 'resolved'
          else 'open'
        end as status
      from (
        select t.number, t.created_at, p.ID_ as instance_id, coalesce(t.closed_at, p.END_TIME_) as closed_at,
          case when p.STATE_ in ('EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED') or p.DELETE_REASON_ is not null
            then 1 else 0 end as terminated,
          case when exists (select 1 from ACT_RU_EVENT_SUBSCR e where e.PROC_INST_ID_ = p.ID_
            and e.EVENT_TYPE_ = 'message' and e.EVENT_NAME_ = :replyMessage) then 1 else 0 end as waiting,
          (select k.TASK_DEF_KEY_ from ACT_RU_TASK k where k.PROC_INST_ID_ = p.ID_
            order by k.CREATE_TIME_, k.ID_ fetch first 1 rows only) as task_key,
          (select k.ID_ from ACT_RU_TASK k where k.PROC_INST_ID_ = p.ID_
            order by k.CREATE_TIME_, k.ID_ fetch first 1 rows only) as task_id,
          case when exists (select 1 from clock_stint s where s.ticket_number = t.number
            and s.clock in %1$s and (s.state = 'breached' or s.breached_at is not null)) then 1 else 0 end as breached,
          case when exists (select 1 from clock_stint s join escalation_rung r on r.stint_id = s.id
            where s.ticket_number = t.number and s.clock in %1$s and s.state = 'running' and s.breached_at is null
            and r.rung = 'warning') then 1 else 0 end as at_risk,
          (select v.TEXT_ from ACT_HI_VARINST v where v.PROC_INST_ID_ = p.ID_ and v.ACT_INST_ID_ = p.ID_
            and v.NAME_ = 'tier') as tier,
          (select v.TEXT_ from ACT_HI_VARINST v where v.PROC_INST_ID_ = p.ID_ and v.ACT_INST_ID_ = p.ID_
            and v.NAME_ = 'priority') as priority
        from ticket t
        join ACT_HI_PROCINST p on p.BUSINESS_KEY_ = 'T-' || t.number and p.PROC_DEF_KEY_ = :processKey
      ) x""".formatted(SLA_CLOCKS);

  private final JdbcClient jdbc;

  TicketListing(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Found find(TicketFilter filter) {
    Map<String, Object> params = params();
    String filtered = filtered(where(filter, params));
    long total = jdbc.sql("select count(*) from (" + filtered + ") z").params(params).query(Long.class).single();
    params.put("offset", (long) filter.page() * filter.size());
    params.put("size", filter.size());
    List<Row> rows = jdbc.sql(filtered + " order by y.created_at desc, y.number desc"
            + " offset :offset rows fetch next :size rows only")
        .params(params)
        .query(TicketListing::row)
        .list();
    return new Found(rows, total);
  }

  /**
   * Every ticket that is not closed or cancelled, held by one of {@code teams} (every team when it holds them all),
   * of {@code tier} and {@code priority} when given: the SLA board's tickets, in one query and in no order (the
   * board sorts by its clocks).
   */
  List<Row> open(Set<Team> teams, String tier, String priority) {
    Map<String, Object> params = params();
    List<String> conditions = new ArrayList<>();
    conditions.add("y.closed_at is null");
    if (!teams.containsAll(EnumSet.allOf(Team.class))) {
      conditions.add(teamCondition(teams, params));
    }
    conditions.addAll(where(new TicketFilter(null, null, tier, priority, null, null, 0, 1), params));
    return jdbc.sql(filtered(conditions)).params(params).query(TicketListing::row).list();
  }

  /**
   * Every ticket opened from {@code from} (inclusive) to {@code to} (exclusive), cancelled and closed ones too, in
   * ticket number order: the tickets of a compliance report.
   */
  List<Row> openedBetween(Instant from, Instant to) {
    Map<String, Object> params = params();
    params.put("from", Timestamp.from(from));
    params.put("to", Timestamp.from(to));
    return jdbc.sql(filtered(List.of("y.created_at >= :from", "y.created_at < :to")) + " order by y.number")
        .params(params).query(TicketListing::row).list();
  }

  private static Map<String, Object> params() {
    Map<String, Object> params = new HashMap<>();
    params.put("confirmTask", TicketProcess.TASK_CONFIRM_RESOLUTION);
    params.put("replyMessage", TicketProcess.MESSAGE_CUSTOMER_REPLY);
    params.put("processKey", TicketProcess.PROCESS_KEY);
    return params;
  }

  private static String filtered(List<String> conditions) {
    return "select * from (" + TICKETS + ") y"
        + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
  }

  private static Row row(ResultSet rs, int rowNumber) throws SQLException {
    return new Row(rs.getLong("number"), rs.getString("instance_id"), instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("closed_at")), rs.getString("status"), rs.getString("task_key"),
        rs.getString("task_id"), rs.getInt("breached") == 1, rs.getInt("at_risk") == 1);
  }

  /** Held by one of {@code teams}: an open ticket whose oldest task is one of theirs. */
  private static String teamCondition(Set<Team> teams, Map<String, Object> params) {
    List<String> tasks = TicketProcess.userTasks().values().stream()
        .filter(task -> teams.contains(task.team())).map(TicketProcess.UserTask::id).sorted().toList();
    // As TicketService.get: an open ticket without a task (between two steps, or waiting on the customer) is with
    // support. An empty set of teams holds nothing.
    params.put("teamTasks", tasks.isEmpty() ? List.of("") : tasks);
    return "y.closed_at is null and (y.task_key in (:teamTasks)"
        + (teams.contains(Team.SUPPORT) ? " or y.task_key is null)" : ")");
  }

  private static List<String> where(TicketFilter filter, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    if (filter.status() != null) {
      conditions.add("y.status = :status");
      params.put("status", filter.status());
    }
    if (filter.team() != null) {
      conditions.add(teamCondition(Set.of(filter.team()), params));
    }
    if (filter.tier() != null) {
      conditions.add("y.tier = :tier");
      params.put("tier", filter.tier());
    }
    if (filter.priority() != null) {
      conditions.add("y.priority = :priority");
      params.put("priority", filter.priority());
    }
    if (filter.breached() != null) {
      conditions.add("y.breached = " + (filter.breached() ? 1 : 0));
    }
    if (filter.atRisk() != null) {
      conditions.add("y.at_risk = " + (filter.atRisk() ? 1 : 0));
    }
    return conditions;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
