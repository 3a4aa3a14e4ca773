package org.slaescalation.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slaescalation.notification.OutgoingMail;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code ticket_message}: the conversations, and the composed mail of each outbound message. */
@Repository
public class ConversationRepository {

  private static final RowMapper<Message> ROW = (rs, i) -> new Message(rs.getLong("id"), rs.getLong("ticket_number"),
      Direction.of(rs.getString("direction")), rs.getString("author"), rs.getString("team"),
      rs.getTimestamp("created_at").toInstant(), rs.getString("text"), rs.getString("message_id"),
      instant(rs, "sent_at"));

  private final JdbcClient jdbc;

  public ConversationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a message and returns its id; a Message-ID recorded before raises DuplicateKeyException. */
  long insert(long ticketNumber, Direction direction, String author, String team, Instant at, String text,
      String messageId) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into ticket_message (ticket_number, direction, author, team, created_at, text, message_id)
            values (:ticket, :direction, :author, :team, :at, :text, :messageId)""")
        .param("ticket", ticketNumber)
        .param("direction", direction.code())
        .param("author", author)
        .param("team", team)
        .param("at", Timestamp.from(at))
        .param("text", text)
        .param("messageId", messageId)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  /** Stores the composed mail of outbound message {@code id}, pending. */
  void attachMail(long id, OutgoingMail mail) {
    jdbc.sql("""
            update ticket_message set message_id = :messageId, mail_state = 'pending', recipients = :recipients,
              subject = :subject, headers = :headers, text_body = :text, html_body = :html
            where id = :id""")
        .param("messageId", mail.messageId())
        .param("recipients", String.join(", ", mail.to()))
        .param("subject", mail.subject())
        .param("headers", mail.headerLines())
        .param("text", mail.textBody())
        .param("html", mail.htmlBody())
        .param("id", id)
        .update();
  }

  public List<Message> messages(long ticketNumber) {
    return jdbc.sql("select * from ticket_message where ticket_number = :ticket order by id")
        .param("ticket", ticketNumber).query(ROW).list();
  }

  Optional<Message> message(long id) {
    return jdbc.sql("select * from ticket_message where id = :id").param("id", id).query(ROW).optional();
  }

  Optional<Message> byMessageId(String messageId) {
    return jdbc.sql("select * from ticket_message where message_id = :messageId").param("messageId", messageId)
        .query(ROW).optional();
  }

  /** The composed mail of an outbound message that has not been sent yet. */
  Optional<OutgoingMail> pendingMail(long id) {
    return jdbc.sql("select * from ticket_message where id = :id and mail_state = 'pending'").param("id", id)
        .query((rs, i) -> new OutgoingMail(List.of(rs.getString("recipients").split(", ")), rs.getString("subject"),
            rs.getString("text_body"), rs.getString("html_body"),
            OutgoingMail.parseHeaderLines(rs.getString("headers")), rs.getString("message_id")))
        .optional();
  }

  /** Marks a pending mail sent; false when it was sent already. */
  boolean markSent(long id, Instant sentAt) {
    return jdbc.sql("update ticket_message set mail_state = 'sent', sent_at = :sent where id = :id"
            + " and mail_state = 'pending'")
        .param("sent", Timestamp.from(sentAt))
        .param("id", id)
        .update() == 1;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
