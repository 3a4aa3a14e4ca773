package org.slaescalation.ladder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.notification.OutgoingMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The escalation outbox: each mail ({@code escalation_mail}, composed when it is recorded) and the rungs it carries
 * ({@code escalation_rung}, one row per stint and rung, so a rung is recorded once).
 */
@Repository
public class EscalationOutbox {

  /** Where a mail of the outbox stands. */
  public enum State { PENDING, SENT, CANCELLED }

  /** A mail of the outbox, and what it carries. */
  public record Entry(long id, long ticketNumber, State state, Instant dueAt, Instant holdUntil, Instant sentAt,
      OutgoingMail mail, List<RecordedRung> rungs) {

    /** {@code resolution/warning, resolution/internal}: the rungs, as an incident names them. */
    public String rungNames() {
      return String.join(", ", rungs.stream().map(r -> r.clock() + "/" + r.rung()).toList());
    }
  }

  /** A rung that fell due, and the mail that carries it. */
  public record RecordedRung(long stintId, String clock, String rung, int level, Instant dueAt, long mailId) {}

  private final JdbcClient jdbc;

  public EscalationOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The rungs recorded for the ticket, as {@code <stint id>/<rung>}: one query for the whole ladder. */
  public java.util.Set<String> recorded(long ticketNumber) {
    return java.util.Set.copyOf(jdbc.sql("select stint_id, rung from escalation_rung where ticket_number = :ticket")
        .param("ticket", ticketNumber)
        .query((rs, i) -> rs.getLong(1) + "/" + rs.getString(2))
        .list());
  }

  /** The rungs recorded for any of the tickets, as in {@link #recorded(long)}, with one query (the SLA board's). */
  public java.util.Set<String> recorded(java.util.Collection<Long> ticketNumbers) {
    if (ticketNumbers.isEmpty()) {
      return java.util.Set.of();
    }
    return java.util.Set.copyOf(jdbc.sql("select stint_id, rung from escalation_rung where ticket_number in (:tickets)")
        .param("tickets", List.copyOf(ticketNumbers))
        .query((rs, i) -> rs.getLong(1) + "/" + rs.getString(2))
        .list());
  }

  /**
   * The escalations sent for each of the tickets: per ticket number, the number of rungs (of any of its clocks) that
   * a mail marked sent carries, by rung code ({@code internal}, {@code warning}, {@code critical}, {@code breach}).
   * One query; a rung whose mail is pending or cancelled is not counted.
   */
  public java.util.Map<Long, java.util.Map<String, Integer>> sentRungs(java.util.Collection<Long> ticketNumbers) {
    java.util.Map<Long, java.util.Map<String, Integer>> sent = new java.util.HashMap<>();
    if (ticketNumbers.isEmpty()) {
      return sent;
    }
    jdbc.sql("""
            select r.ticket_number, r.rung, count(*) from escalation_rung r
              join escalation_mail m on m.id = r.mail_id
             where m.state = 'sent' and r.ticket_number in (:tickets)
             group by r.ticket_number, r.rung""")
        .param("tickets", List.copyOf(ticketNumbers))
        .query(rs -> {
          sent.computeIfAbsent(rs.getLong(1), n -> new java.util.HashMap<>()).put(rs.getString(2), rs.getInt(3));
        });
    return sent;
  }

  /** Key of {@code rung} of {@code stint} in {@link #recorded}. */
  public static String key(ClockStint stint, Rung rung) {
    return stint.id() + "/" + rung.code();
  }

  /** Until when mail {@code mailId} waits for its recipients' calendar; empty when it goes at once. */
  public Optional<Instant> holdUntil(long mailId) {
    return jdbc.sql("select hold_until from escalation_mail where id = :id").param("id", mailId)
        .query((rs, i) -> instant(rs, "hold_until")).optional().filter(java.util.Objects::nonNull);
  }

  /** Records a pending mail and the rungs it carries; returns the mail's id. */
  public long record(long ticketNumber, Instant dueAt, Instant holdUntil, Instant now, OutgoingMail mail,
      List<DueRung> rungs) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into escalation_mail (ticket_number, message_id, state, due_at, hold_until, recorded_at,
              recipients, subject, headers, text_body, html_body)
            values (:ticket, :messageId, 'pending', :due, :hold, :now, :recipients, :subject, :headers, :text,
              :html)""")
        .param("ticket", ticketNumber)
        .param("messageId", mail.messageId())
        .param("due", Timestamp.from(dueAt))
        .param("hold", holdUntil == null ? null : Timestamp.from(holdUntil))
        .param("now", Timestamp.from(now))
        .param("recipients", String.join(", ", mail.to()))
        .param("subject", mail.subject())
        .param("headers", mail.headerLines())
        .param("text", mail.textBody())
        .param("html", mail.htmlBody())
        .update(keys, "id");
    long mailId = keys.getKeyAs(Number.class).longValue();
    for (DueRung rung : rungs) {
      jdbc.sql("""
              insert into escalation_rung (ticket_number, stint_id, clock, rung, level, due_at, mail_id)
              values (:ticket, :stint, :clock, :rung, :level, :due, :mail)""")
          .param("ticket", ticketNumber)
          .param("stint", rung.stint().id())
          .param("clock", rung.stint().clock().value())
          .param("rung", rung.rung().code())
          .param("level", rung.level())
          .param("due", Timestamp.from(rung.dueAt()))
          .param("mail", mailId)
          .update();
    }
    return mailId;
  }

  public Optional<Entry> entry(long mailId) {
    List<RecordedRung> rungs = rungs("mail_id = :key", mailId);
    return jdbc.sql("select * from escalation_mail where id = :id").param("id", mailId)
        .query((rs, row) -> entry(rs, rungs)).optional();
  }

  /** Every mail of the ticket's outbox, oldest first: two queries, whatever the number of mails. */
  public List<Entry> entries(long ticketNumber) {
    List<RecordedRung> rungs = rungs("ticket_number = :key", ticketNumber);
    return jdbc.sql("select * from escalation_mail where ticket_number = :ticket order by id")
        .param("ticket", ticketNumber).query((rs, row) -> entry(rs, rungs)).list();
  }

  private List<RecordedRung> rungs(String where, long key) {
    return jdbc.sql("select stint_id, clock, rung, level, due_at, mail_id from escalation_rung where " + where
            + " order by id")
        .param("key", key)
        .query((r, i) -> new RecordedRung(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4),
            r.getTimestamp(5).toInstant(), r.getLong(6)))
        .list();
  }

  /** Marks a pending mail sent; false when it was not pending (sent or cancelled already). */
  public boolean markSent(long mailId, Instant sentAt) {
    return jdbc.sql("update escalation_mail set state = 'sent', sent_at = :sent where id = :id and state = 'pending'")
        .param("sent", Timestamp.from(sentAt))
        .param("id", mailId)
        .update() == 1;
  }

  /** A ticket that ended another way than closing: its mails not yet sent will not be. */
  public void cancelPending(long ticketNumber) {
    jdbc.sql("update escalation_mail set state = 'cancelled' where ticket_number = :ticket and state = 'pending'")
        .param("ticket", ticketNumber)
        .update();
  }

  private static Entry entry(ResultSet rs, List<RecordedRung> allRungs) throws SQLException {
    long id = rs.getLong("id");
    OutgoingMail mail = new OutgoingMail(List.of(rs.getString("recipients").split(", ")), rs.getString("subject"),
        rs.getString("text_body"), rs.getString("html_body"), OutgoingMail.parseHeaderLines(rs.getString("headers")),
        rs.getString("message_id"));
    List<RecordedRung> rungs = allRungs.stream().filter(rung -> rung.mailId() == id).toList();
    return new Entry(id, rs.getLong("ticket_number"), State.valueOf(rs.getString("state").toUpperCase()),
        instant(rs, "due_at"), instant(rs, "hold_until"), instant(rs, "sent_at"), mail, rungs);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
