package org.slaescalation.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mails captured instead of sent, for the mail outbox page. */
@Repository
public class CapturedMails {

  /** A captured mail as the outbox page shows it. */
  public record CapturedMail(long id, Instant capturedAt, String messageId, String recipients, String subject,
      String headers, String textBody, String htmlBody) {}

  private static final RowMapper<CapturedMail> ROW = (rs, i) -> new CapturedMail(rs.getLong("id"),
      rs.getTimestamp("captured_at").toInstant(), rs.getString("message_id"), rs.getString("recipients"),
      rs.getString("subject"), rs.getString("headers"), rs.getString("text_body"), rs.getString("html_body"));

  private final JdbcClient jdbc;

  CapturedMails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(OutgoingMail mail, Instant capturedAt) {
    jdbc.sql("""
            insert into captured_mail (captured_at, message_id, recipients, subject, headers, text_body, html_body)
            values (:at, :messageId, :recipients, :subject, :headers, :text, :html)""")
        .param("at", Timestamp.from(capturedAt))
        .param("messageId", mail.messageId())
        .param("recipients", String.join(", ", mail.to()))
        .param("subject", mail.subject())
        .param("headers", mail.headers().entrySet().stream()
            .map(h -> h.getKey() + ": " + h.getValue())
            .sorted()
            .collect(Collectors.joining("\n")))
        .param("text", mail.textBody())
        .param("html", mail.htmlBody())
        .update();
  }

  public List<CapturedMail> latest(int limit) {
    return jdbc.sql("select * from captured_mail order by id desc fetch first :limit rows only")
        .param("limit", limit)
        .query(ROW)
        .list();
  }

  public Optional<CapturedMail> find(long id) {
    return jdbc.sql("select * from captured_mail where id = :id").param("id", id).query(ROW).optional();
  }
}
