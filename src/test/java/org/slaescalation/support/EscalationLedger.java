package org.slaescalation.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What should have been sent and what arrived, for fault tests on a real database and a real SMTP server. The
 * rungs that are due come from the database's clock stints (started at + budget x percent, on the {@code 24x7}
 * calendar of {@link ShortTargetModels}: untouched tickets, no pauses); the arrivals from GreenMail, by Message-ID
 * ({@code <esc.<ticket>.<clock>.<level>[+<clock>.<level>].<due>@...>}, one copy per recipient mailbox), each stored at
 * the instant its SMTP transaction completed.
 */
public final class EscalationLedger {

  /** The percents of application.yaml's escalation.ladder (the clock's internal target comes from the stint). */
  private static final int WARNING = 75;
  private static final int CRITICAL = 90;
  private static final int OLA_WARNING = 75;

  private static final Pattern ESCALATION_ID = Pattern.compile("<esc\\.([^.]+)\\.(.+)\\.(\\d{8}T\\d{6}Z)@.*>");
  private static final Pattern ACK_ID = Pattern.compile("<ack\\.([^@]+)@.*>");

  private EscalationLedger() {}

  /** A rung of a ticket's clock and the instant it falls due; {@code level} as in the Message-ID. */
  public record Rung(String ticketId, String clock, String level, Instant due) {

    public String key() {
      return ticketId + "|" + clock + "/" + level;
    }
  }

  /** The copies of one Message-ID: when the first and the last were stored, and to how many recipients each went. */
  public record Arrival(String messageId, Instant first, Instant last, int copies, int recipients,
      List<Instant> stored) {

    /** When the mail had reached all its recipients the first time. */
    public Instant complete() {
      return stored.stream().sorted().skip(Math.max(0, recipients - 1)).findFirst().orElse(last);
    }

    /** The mail went more than once to its recipients (the same Message-ID stored again). */
    public boolean repeated() {
      return copies > recipients;
    }
  }

  /** An expected rung with the arrival of the mail that carries it, or null. */
  public record Delivery(Rung rung, Arrival arrival) {

    /** From the due instant to the mail's first complete delivery. */
    public Duration lateness() {
      return Duration.between(rung.due(), arrival.complete());
    }
  }

  /**
   * Every rung of the short clocks (budget at most {@code maxBudget}, calendar 24x7) in the database that falls due
   * until {@code until}, in order of due instant.
   */
  public static List<Rung> expected(JdbcClient jdbc, Duration maxBudget, Instant until) {
    List<Rung> rungs = new ArrayList<>();
    jdbc.sql("""
            select ticket_number, clock, budget_ms, internal_percent, started_at, paused_ms from clock_stint
            where calendar_name = '24x7' and budget_ms <= :max""")
        .param("max", maxBudget.toMillis())
        .query((rs, i) -> {
          String ticket = "T-" + rs.getLong("ticket_number");
          String clock = rs.getString("clock");
          Duration budget = Duration.ofMillis(rs.getLong("budget_ms"));
          Instant started = rs.getTimestamp("started_at").toInstant().plusMillis(rs.getLong("paused_ms"));
          Integer internal = (Integer) rs.getObject("internal_percent");
          List<String> levels = new ArrayList<>();
          if (clock.startsWith("ola-")) {
            levels.addAll(List.of(OLA_WARNING + "", "100"));
          } else {
            if (internal != null) {
              levels.add(internal + "-internal");
            }
            levels.addAll(List.of(WARNING + "", CRITICAL + "", "100"));
          }
          for (String level : levels) {
            int percent = Integer.parseInt(level.replace("-internal", ""));
            rungs.add(new Rung(ticket, clock, level, started.plus(budget.multipliedBy(percent).dividedBy(100))));
          }
          return null;
        }).list();
    rungs.removeIf(rung -> rung.due().isAfter(until));
    rungs.sort(Comparator.comparing(Rung::due).thenComparing(Rung::key));
    return rungs;
  }

  /** The escalation mails received, by rung key ({@link Rung#key()}); a mail carrying two rungs is under both. */
  public static Map<String, Arrival> escalations(GreenMail mail) {
    Map<String, Arrival> byMessage = byMessageId(mail, ESCALATION_ID);
    Map<String, Arrival> byRung = new HashMap<>();
    for (Arrival arrival : byMessage.values()) {
      Matcher parts = ESCALATION_ID.matcher(arrival.messageId());
      parts.matches();
      for (String rungKey : parts.group(2).split("\\+")) {
        int dot = rungKey.lastIndexOf('.');
        byRung.put(parts.group(1) + "|" + rungKey.substring(0, dot) + "/" + rungKey.substring(dot + 1), arrival);
      }
    }
    return byRung;
  }

  /** The acknowledgements received, by ticket id. */
  public static Map<String, Arrival> acknowledgements(GreenMail mail) {
    Map<String, Arrival> byTicket = new HashMap<>();
    byMessageId(mail, ACK_ID).forEach((id, arrival) -> {
      Matcher parts = ACK_ID.matcher(id);
      parts.matches();
      byTicket.put(parts.group(1), arrival);
    });
    return byTicket;
  }

  /** The expected rungs with their arrivals (null when none came), in the order of {@code expected}. */
  public static List<Delivery> deliveries(List<Rung> expected, Map<String, Arrival> arrivals) {
    return expected.stream().map(rung -> new Delivery(rung, arrivals.get(rung.key()))).toList();
  }

  /** Lateness in ms of the deliveries that arrived. */
  public static List<Long> latenessMillis(List<Delivery> deliveries) {
    return deliveries.stream().filter(d -> d.arrival() != null).map(d -> d.lateness().toMillis()).toList();
  }

  private static Map<String, Arrival> byMessageId(GreenMail mail, Pattern idPattern) {
    Map<String, Arrival> arrivals = new HashMap<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        String id = message.getMessageID();
        if (id == null || !idPattern.matcher(id).matches()) {
          continue;
        }
        Instant stored = message.getReceivedDate().toInstant();
        int recipients = message.getAllRecipients().length;
        arrivals.merge(id, new Arrival(id, stored, stored, 1, recipients, List.of(stored)),
            (x, y) -> new Arrival(id, min(x.first(), y.first()), max(x.last(), y.last()), x.copies() + y.copies(),
                x.recipients(), concat(x.stored(), y.stored())));
      } catch (MessagingException e) {
        throw new IllegalStateException("Cannot read a received mail", e);
      }
    }
    return arrivals;
  }

  private static List<Instant> concat(List<Instant> a, List<Instant> b) {
    List<Instant> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
