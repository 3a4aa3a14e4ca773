package org.slaescalation.csat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slaescalation.notification.PublicUrl;
import org.slaescalation.ticket.TicketId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The survey a customer is asked to answer when a ticket closes: a link {@code <public url>/csat/<token>} signed for
 * the ticket and valid for {@code escalation.csat.link-valid-for}. A ticket has one answer; once it has it, a later
 * close (after a reopen) asks no more.
 */
@Service
public class Surveys {

  /** The survey link to mail, and until when it works. */
  public record Invitation(String url, Instant validUntil) {}

  private final SurveyLinks links;
  private final SurveyAnswers answers;
  private final PublicUrl publicUrl;
  private final CsatProperties properties;
  private final Clock clock;

  Surveys(SurveyLinks links, SurveyAnswers answers, PublicUrl publicUrl, CsatProperties properties, Clock clock) {
    this.links = links;
    this.answers = answers;
    this.publicUrl = publicUrl;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The surveys of a service that signs with {@code key} and keeps answers through {@code jdbc}: for process tests
   * that build the engine's beans by hand (they invite, and record no answers).
   */
  public static Surveys of(JdbcClient jdbc, byte[] key, PublicUrl publicUrl, Duration linkValidFor, Clock clock) {
    byte[] own = key.clone();
    SurveyAnswers answers = new SurveyAnswers(jdbc, TransactionOperations.withoutTransaction());
    return new Surveys(new SurveyLinks(own::clone, clock), answers, publicUrl, new CsatProperties(null, linkValidFor),
        clock);
  }

  /** A new link for ticket {@code ticketId}, or empty when its customer has answered already. */
  public Optional<Invitation> invite(String ticketId) {
    long number = TicketId.number(ticketId)
        .orElseThrow(() -> new IllegalArgumentException("Not a ticket id: " + ticketId));
    if (answers.find(number).isPresent()) {
      return Optional.empty();
    }
    Instant validUntil = clock.instant().plus(properties.linkValidFor()).truncatedTo(ChronoUnit.SECONDS);
    return Optional.of(new Invitation(publicUrl.get() + "/csat/" + links.token(ticketId, validUntil), validUntil));
  }
}
