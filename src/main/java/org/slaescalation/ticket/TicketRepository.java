package org.slaescalation.ticket;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The ticket registry, in the service's own table {@code ticket}. */
@Repository
public class TicketRepository {

  record TicketRow(long number, String externalId, Instant createdAt) {
    String id() {
      return TicketId.of(number);
    }
  }

  private static final RowMapper<TicketRow> ROW =
      (rs, i) -> new TicketRow(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant());

  private final JdbcClient jdbc;

  public TicketRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a ticket and returns its number; a repeated external id raises DuplicateKeyException. */
  long insert(String externalId, Instant createdAt) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("insert into ticket (external_id, created_at) values (:externalId, :createdAt)")
        .param("externalId", externalId)
        .param("createdAt", Timestamp.from(createdAt))
        .update(keys, "number");
    return keys.getKeyAs(Number.class).longValue();
  }

  Optional<TicketRow> findByExternalId(String externalId) {
    return jdbc.sql("select number, external_id, created_at from ticket where external_id = :externalId")
        .param("externalId", externalId)
        .query(ROW)
        .optional();
  }

  /** Whether ticket number {@code number} was registered by intake. */
  public boolean isRegistered(long number) {
    return findByNumber(number).isPresent();
  }

  Optional<TicketRow> findByNumber(long number) {
    return jdbc.sql("select number, external_id, created_at from ticket where number = :number")
        .param("number", number)
        .query(ROW)
        .optional();
  }

  /** The ticket closed at {@code at} (its reopen window starts). */
  public void markClosed(long number, Instant at) {
    jdbc.sql("update ticket set closed_at = :at where number = :number")
        .param("at", Timestamp.from(at)).param("number", number).update();
  }

  /** The ticket was reopened: it is open again. */
  public void markReopened(long number) {
    jdbc.sql("update ticket set closed_at = null where number = :number").param("number", number).update();
  }

  /** When the ticket closed; empty while it is open. */
  public Optional<Instant> closedAt(long number) {
    return jdbc.sql("select closed_at from ticket where number = :number").param("number", number)
        .query(Timestamp.class).optional().map(Timestamp::toInstant);
  }
}
