package org.slaescalation.inbound;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code rejected_mail}: the mail the poller read and refused, newest first for administrators. */
@Repository
public class RejectedMails {

  /** Why a mail was refused. */
  public enum Reason {
    /** Matches no ticket, and its sender is no known customer. */
    UNKNOWN_SENDER("unknown-sender"),
    /** Matches a ticket, but its sender is neither the ticket's customer address nor a sender of that customer. */
    SENDER_NOT_ON_TICKET("sender-not-on-ticket"),
    /** Names no sender address in {@code From}. */
    NO_SENDER("no-sender"),
    /** Its headers or text could not be read. */
    UNREADABLE("unreadable");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** A refused mail; {@code excerpt} is the start of its text. */
  public record Rejected(long id, Instant receivedAt, String from, String subject, String messageId, String reason,
      String detail, String excerpt) {}

  /** One page, newest first, and how many there are in all. */
  public record Page(List<Rejected> items, int page, int size, long total) {}

  static final int EXCERPT = 2000;

  private static final RowMapper<Rejected> ROW = (rs, i) -> new Rejected(rs.getLong("id"),
      rs.getTimestamp("received_at").toInstant(), rs.getString("sender"), rs.getString("subject"),
      rs.getString("message_id"), rs.getString("reason"), rs.getString("detail"), rs.getString("excerpt"));

  private final JdbcClient jdbc;

  RejectedMails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a refused mail; false when its Message-ID was recorded before (the mail was read again). */
  boolean record(Instant receivedAt, String from, String subject, String messageId, Reason reason, String detail,
      String text) {
    try {
      jdbc.sql("""
              insert into rejected_mail (received_at, sender, subject, message_id, reason, detail, excerpt)
              values (:at, :sender, :subject, :messageId, :reason, :detail, :excerpt)""")
          .param("at", Timestamp.from(receivedAt))
          .param("sender", cut(from, 320))
          .param("subject", cut(subject, 1000))
          .param("messageId", messageId)
          .param("reason", reason.code())
          .param("detail", cut(detail, 1000))
          .param("excerpt", cut(text, EXCERPT))
          .update();
      return true;
    } catch (DuplicateKeyException readAgain) {
      return false;
    }
  }

  public Optional<Rejected> byMessageId(String messageId) {
    return jdbc.sql("select * from rejected_mail where message_id = :id").param("id", messageId).query(ROW)
        .optional();
  }

  public Page page(int page, int size) {
    List<Rejected> items = jdbc.sql("select * from rejected_mail order by received_at desc, id desc"
            + " offset :offset rows fetch next :size rows only")
        .param("offset", (long) page * size)
        .param("size", size)
        .query(ROW).list();
    long total = jdbc.sql("select count(*) from rejected_mail").query(Long.class).single();
    return new Page(items, page, size, total);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
