package org.slaescalation.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clocks, the pause ledger and the escalations sent, in the service's own tables. */
@Repository
public class ClockRepository {

  /** An escalation that was sent (or a breach that was recorded). */
  record SentEscalation(String clock, String rung, int level, Instant due, Instant sentAt, String recipients) {}

  /** An entry of the pause ledger. */
  record Pause(String reason, Instant from, Instant to) {}

  private final JdbcClient jdbc;

  public ClockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<TicketClock> clocks(long ticketNumber) {
    return jdbc.sql("select * from ticket_clock where ticket_number = :ticket order by clock")
        .param("ticket", ticketNumber)
        .query(ClockRepository::clock)
        .list();
  }

  Optional<TicketClock> clock(long ticketNumber, String clock) {
    return jdbc.sql("select * from ticket_clock where ticket_number = :ticket and clock = :clock")
        .param("ticket", ticketNumber)
        .param("clock", clock)
        .query(ClockRepository::clock)
        .optional();
  }

  /** Inserts the clock, or replaces the stored one of the same name (a team's new stint). */
  void save(TicketClock clock) {
    int updated = jdbc.sql("""
            update ticket_clock set calendar_name = :calendar, budget_seconds = :budget, internal_percent = :internal,
              started_at = :started, paused_since = :pausedSince, paused_seconds = :paused, state = :state,
              stopped_at = :stopped, activity_instance_id = :activity
            where ticket_number = :ticket and clock = :clock""")
        .paramSource(params(clock))
        .update();
    if (updated == 0) {
      jdbc.sql("""
              insert into ticket_clock (ticket_number, clock, calendar_name, budget_seconds, internal_percent,
                started_at, paused_since, paused_seconds, state, stopped_at, activity_instance_id)
              values (:ticket, :clock, :calendar, :budget, :internal, :started, :pausedSince, :paused, :state,
                :stopped, :activity)""")
          .paramSource(params(clock))
          .update();
    }
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

  List<Pause> pauses(long ticketNumber) {
    return jdbc.sql("select reason, paused_from, paused_to from clock_pause where ticket_number = :ticket order by id")
        .param("ticket", ticketNumber)
        .query((rs, i) -> new Pause(rs.getString(1), instant(rs, 2), instant(rs, 3)))
        .list();
  }

  boolean wasSent(long ticketNumber, String clock, String rung, Instant stintStart) {
    return jdbc.sql("""
            select count(*) from escalation
            where ticket_number = :ticket and clock = :clock and rung = :rung and stint_started_at = :stint""")
        .param("ticket", ticketNumber)
        .param("clock", clock)
        .param("rung", rung)
        .param("stint", Timestamp.from(stintStart))
        .query(Integer.class)
        .single() > 0;
  }

  void recordSent(long ticketNumber, TicketClock clock, Rung rung, int level, Instant due, Instant sentAt,
      String recipients) {
    jdbc.sql("""
            insert into escalation (ticket_number, clock, rung, level, stint_started_at, due_at, sent_at, recipients)
            values (:ticket, :clock, :rung, :level, :stint, :due, :sent, :recipients)""")
        .param("ticket", ticketNumber)
        .param("clock", clock.clock())
        .param("rung", rung.code())
        .param("level", level)
        .param("stint", Timestamp.from(clock.startedAt()))
        .param("due", Timestamp.from(due))
        .param("sent", Timestamp.from(sentAt))
        .param("recipients", recipients)
        .update();
  }

  List<SentEscalation> sent(long ticketNumber) {
    return jdbc.sql("""
            select clock, rung, level, due_at, sent_at, recipients from escalation
            where ticket_number = :ticket order by sent_at, id""")
        .param("ticket", ticketNumber)
        .query((rs, i) -> new SentEscalation(rs.getString(1), rs.getString(2), rs.getInt(3), instant(rs, 4),
            instant(rs, 5), rs.getString(6)))
        .list();
  }

  private static java.util.Map<String, Object> params(TicketClock clock) {
    var map = new java.util.HashMap<String, Object>();
    map.put("ticket", clock.ticketNumber());
    map.put("clock", clock.clock());
    map.put("calendar", clock.calendar());
    map.put("budget", clock.budget().toSeconds());
    map.put("internal", clock.internalPercent());
    map.put("started", Timestamp.from(clock.startedAt()));
    map.put("pausedSince", clock.pausedSince() == null ? null : Timestamp.from(clock.pausedSince()));
    map.put("paused", clock.paused().toSeconds());
    map.put("state", clock.state().code());
    map.put("stopped", clock.stoppedAt() == null ? null : Timestamp.from(clock.stoppedAt()));
    map.put("activity", clock.activityInstanceId());
    return map;
  }

  private static TicketClock clock(ResultSet rs, int row) throws SQLException {
    int internal = rs.getInt("internal_percent");
    return new TicketClock(
        rs.getLong("ticket_number"),
        rs.getString("clock"),
        rs.getString("calendar_name"),
        Duration.ofSeconds(rs.getLong("budget_seconds")),
        rs.wasNull() ? null : internal,
        instant(rs, "started_at"),
        instant(rs, "paused_since"),
        Duration.ofSeconds(rs.getLong("paused_seconds")),
        ClockState.of(rs.getString("state")),
        instant(rs, "stopped_at"),
        rs.getString("activity_instance_id"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
