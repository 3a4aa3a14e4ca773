package org.slaescalation.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The clock stints (table {@code clock_stint}) and the pause ledger ({@code clock_pause}). An update names the
 * version it read: when another transaction changed the row in between, it throws
 * {@link OptimisticLockingFailureException} and writes nothing.
 */
@Repository
public class StintRepository {

  /** An entry of the pause ledger. */
  public record Pause(String reason, Instant from, Instant to) {}

  private final JdbcClient jdbc;

  public StintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every stint of the ticket, oldest first. */
  public List<ClockStint> stints(long ticketNumber) {
    return jdbc.sql("select * from clock_stint where ticket_number = :ticket order by id")
        .param("ticket", ticketNumber)
        .query(StintRepository::stint)
        .list();
  }

  /** Every stint of the tickets, oldest first, with one query. */
  public List<ClockStint> stints(java.util.Collection<Long> ticketNumbers) {
    if (ticketNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from clock_stint where ticket_number in (:tickets) order by id")
        .param("tickets", ticketNumbers)
        .query(StintRepository::stint)
        .list();
  }

  /** The latest stint of a clock of the ticket, open or not. */
  public Optional<ClockStint> latest(long ticketNumber, ClockName clock) {
    return jdbc.sql("""
            select * from clock_stint where ticket_number = :ticket and clock = :clock
            order by id desc fetch first 1 rows only""")
        .param("ticket", ticketNumber)
        .param("clock", clock.value())
        .query(StintRepository::stint)
        .optional();
  }

  public Optional<ClockStint> byId(long id) {
    return jdbc.sql("select * from clock_stint where id = :id").param("id", id)
        .query(StintRepository::stint).optional();
  }

  /** Stores a new stint; returns it with its id. */
  ClockStint insert(ClockStint stint) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into clock_stint (ticket_number, clock, team, calendar_name, budget_ms, internal_percent,
              started_at, paused_since, paused_ms, state, stopped_at, breached_at, budget_decision,
              reached_by, version)
            values (:ticket, :clock, :team, :calendar, :budget, :internal, :started, :pausedSince, :paused, :state,
              :stopped, :breached, :decision, :activity, 0)""")
        .params(params(stint))
        .update(keys, "id");
    return stint.stored(keys.getKeyAs(Number.class).longValue(), 0);
  }

  /** Writes {@code stint} over the row it was read from, unless the row changed since; returns the new version. */
  ClockStint update(ClockStint stint) {
    Map<String, Object> params = params(stint);
    params.put("id", stint.id());
    params.put("version", stint.version());
    int updated = jdbc.sql("""
            update clock_stint set calendar_name = :calendar, budget_ms = :budget, internal_percent = :internal,
              paused_since = :pausedSince, paused_ms = :paused, state = :state, stopped_at = :stopped,
              breached_at = :breached, budget_decision = :decision, reached_by = :activity,
              version = version + 1
            where id = :id and version = :version""")
        .params(params)
        .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException("Clock stint " + stint.id() + " (" + stint.clock() + " of ticket "
          + stint.ticketNumber() + ") was changed by another transaction since version " + stint.version());
    }
    return stint.stored(stint.id(), stint.version() + 1);
  }

  void openPause(long ticketNumber, String reason, Instant from) {
    jdbc.sql("insert into clock_pause (ticket_number, reason, paused_from) values (:ticket, :reason, :from)")
        .param("ticket", ticketNumber)
        .param("reason", reason)
        .param("from", Timestamp.from(from))
        .update();
  }

  void closePauses(long ticketNumber, Instant to) {
    jdbc.sql("update clock_pause set paused_to = :to where ticket_number = :ticket and paused_to is null")
        .param("ticket", ticketNumber)
        .param("to", Timestamp.from(to))
        .update();
  }

  public List<Pause> pauses(long ticketNumber) {
    return jdbc.sql("select reason, paused_from, paused_to from clock_pause where ticket_number = :ticket order by id")
        .param("ticket", ticketNumber)
        .query((rs, i) -> new Pause(rs.getString(1), instant(rs, "paused_from"), instant(rs, "paused_to")))
        .list();
  }

  private static Map<String, Object> params(ClockStint stint) {
    Map<String, Object> map = new HashMap<>();
    map.put("ticket", stint.ticketNumber());
    map.put("clock", stint.clock().value());
    map.put("team", stint.clock().team().orElse(null));
    map.put("calendar", stint.calendar());
    map.put("budget", stint.budget().toMillis());
    map.put("internal", stint.internalPercent());
    map.put("started", Timestamp.from(stint.startedAt()));
    map.put("pausedSince", timestamp(stint.pausedSince()));
    map.put("paused", stint.paused().toMillis());
    map.put("state", stint.state().code());
    map.put("stopped", timestamp(stint.stoppedAt()));
    map.put("breached", timestamp(stint.breachedAt()));
    map.put("decision", stint.budgetDecision());
    map.put("activity", stint.reachedBy());
    return map;
  }

  private static ClockStint stint(ResultSet rs, int row) throws SQLException {
    int internal = rs.getInt("internal_percent");
    Integer internalPercent = rs.wasNull() ? null : internal;
    return new ClockStint(
        rs.getLong("id"),
        rs.getLong("ticket_number"),
        ClockName.of(rs.getString("clock")),
        rs.getString("calendar_name"),
        Duration.ofMillis(rs.getLong("budget_ms")),
        internalPercent,
        instant(rs, "started_at"),
        instant(rs, "paused_since"),
        Duration.ofMillis(rs.getLong("paused_ms")),
        ClockState.of(rs.getString("state")),
        instant(rs, "stopped_at"),
        instant(rs, "breached_at"),
        rs.getString("budget_decision"),
        rs.getString("reached_by"),
        rs.getInt("version"));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
