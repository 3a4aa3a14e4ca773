package org.slaescalation.process;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ladder.Ladder;
import org.slaescalation.ladder.Rung;
import org.slaescalation.support.ShortTargetModels;
import org.slaescalation.ticket.NewTicket;
import org.slaescalation.ticket.TicketId;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The set-up shared by {@link EscalationTimingOwnJvmTest} and {@link EscalationLagBenchmark}: the shipped models with
 * an SLA of seconds on the {@code 24x7} calendar for enterprise P1 incidents, a real SMTP server, and the arrival of
 * every escalation mail compared with the due instant of its rung.
 *
 * <p>The due instant comes from the ticket's clocks ({@link SlaClocks#dueAt}); the arrival is the time GreenMail
 * stored the message ({@link MimeMessage#getReceivedDate()}), taken when its SMTP transaction completed. The lag
 * covers the whole path: job acquisition, the timer, the asynchronous send step, templates and SMTP.
 */
final class EscalationTiming {

  static final Duration FIRST_RESPONSE = Duration.ofSeconds(40);
  static final Duration RESOLUTION = Duration.ofSeconds(80);
  /** The P1 OLA of each team: support + engineering + sysadmin (60 s) fits in the resolution target. */
  static final Duration OLA = Duration.ofSeconds(20);
  /** Not 75, so that the internal target and the first warning fall at different instants. */
  static final int INTERNAL_PERCENT = 60;

  /** The rungs of a ticket that nobody touches, as {@code clock/level} of its Message-IDs. */
  static final List<String> UNTOUCHED_TICKET_RUNGS = List.of(
      "first-response/60-internal", "first-response/75", "first-response/90", "first-response/100",
      "resolution/60-internal", "resolution/75", "resolution/90", "resolution/100",
      "ola-support/75", "ola-support/100");

  private static final Pattern MESSAGE_ID = Pattern.compile("<esc\\.([^.]+)\\.(.+)\\.(\\d{8}T\\d{6}Z)@.*>");

  private EscalationTiming() {}

  /** An escalation mail as it arrived: the copies of one Message-ID (one per recipient mailbox). */
  record Arrival(String ticketId, String clock, String level, Instant firstStored, Instant lastStored, int copies,
      int recipients) {

    String rung() {
      return clock + "/" + level;
    }
  }

  /** An expected escalation mail with the due instant of its rung and, when it came, its arrival. */
  record Measurement(String ticketId, String rung, Instant due, Arrival arrival) {

    /** From the due instant to the last copy stored (the mail is complete only then). */
    Duration lag() {
      return Duration.between(due, arrival.lastStored());
    }
  }

  static NewTicket enterpriseIncident(String subject) {
    return new NewTicket(null, subject, "Checkout returns HTTP 500 on every order", "P1", "incident",
        new NewTicket.Customer("acme", "ACME Retail", "ops@acme.example", "enterprise", "Europe/Amsterdam"));
  }

  /**
   * Copies the shipped models to a new folder (for {@code escalation.models.location}) and gives enterprise P1
   * incidents targets of seconds on the 24x7 calendar. The P1 OLAs of all teams shrink to {@link #OLA} on 24x7, so
   * every row of SlaPolicy still covers its OLAs.
   */
  static Path modelsWithShortTargets() {
    return ShortTargetModels.copy(FIRST_RESPONSE, RESOLUTION, OLA, INTERNAL_PERCENT);
  }

  static void delete(Path folder) throws IOException {
    ShortTargetModels.delete(folder);
  }

  static GreenMail startMailServer() {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    return mail;
  }

  /** The application with its real job executor, the edited models and the SMTP server; no web server. */
  static void register(DynamicPropertyRegistry registry, Path models, GreenMail mail, String database) {
    registry.add("escalation.models.location", models::toString);
    registry.add("spring.mail.host", () -> mail.getSmtp().getBindTo());
    registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    // The service does not start without a first administrator; nobody logs in here.
    registry.add("camunda.bpm.admin-user.id", () -> "timing");
    registry.add("camunda.bpm.admin-user.password", () -> java.util.UUID.randomUUID().toString());
  }

  /**
   * Waits until {@code expected} distinct escalation mails have arrived or {@code deadline} passed, blocking on
   * GreenMail's arrival notification rather than sleeping.
   */
  static void awaitEscalations(GreenMail mail, int expected, Instant deadline) {
    while (arrivals(mail).size() < expected && Instant.now().isBefore(deadline)) {
      long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
      mail.waitForIncomingEmail(left, mail.getReceivedMessages().length + 1);
    }
  }

  /** Every escalation mail received, by Message-ID; the acknowledgement to the customer has none of the headers. */
  static Map<String, Arrival> arrivals(GreenMail mail) {
    Map<String, Arrival> arrivals = new LinkedHashMap<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        String clock = message.getHeader("X-Escalation-Clock", null);
        if (clock == null) {
          continue;
        }
        String id = message.getMessageID();
        Matcher parts = MESSAGE_ID.matcher(id);
        if (!parts.matches()) {
          throw new AssertionError("Message-ID " + id + " is not an escalation's");
        }
        Instant stored = message.getReceivedDate().toInstant();
        int recipients = message.getAllRecipients().length;
        // A mail names one rung, or several due at the same instant for the same recipients (joined with +).
        for (String rungKey : parts.group(2).split("\\+")) {
          int dot = rungKey.lastIndexOf('.');
          String rungClock = rungKey.substring(0, dot);
          String level = rungKey.substring(dot + 1);
          if (!List.of(clock.split(", ")).contains(rungClock)) {
            throw new AssertionError("Message-ID " + id + " does not match its header X-Escalation-Clock " + clock);
          }
          arrivals.merge(id + "|" + rungKey, new Arrival(parts.group(1), rungClock, level, stored, stored, 1,
                  recipients),
              (x, y) -> new Arrival(x.ticketId(), x.clock(), x.level(), min(x.firstStored(), y.firstStored()),
                  max(x.lastStored(), y.lastStored()), x.copies() + y.copies(), x.recipients()));
        }
      } catch (MessagingException e) {
        throw new IllegalStateException("Cannot read a received mail", e);
      }
    }
    return arrivals;
  }

  /**
   * Every rung of the ticket's clocks with its due instant, as {@code clock/level} in the form of the Message-ID
   * ({@code 75}, {@code 60-internal}), matched with the mail that arrived for it (or null).
   */
  static List<Measurement> measure(ClockStints clocks, Ladder ladder, String ticketId,
      Map<String, Arrival> arrivals) {
    long number = TicketId.number(ticketId).orElseThrow();
    Map<String, Arrival> byRung = new TreeMap<>();
    arrivals.values().stream().filter(a -> a.ticketId().equals(ticketId)).forEach(a -> byRung.put(a.rung(), a));
    List<Measurement> measurements = new ArrayList<>();
    for (ClockStint clock : clocks.stints(number)) {
      for (Rung rung : Rung.values()) {
        ladder.percent(clock, rung).ifPresent(percent -> {
          String rungKey = clock.clock() + "/" + percent + (rung == Rung.INTERNAL ? "-internal" : "");
          measurements.add(new Measurement(ticketId, rungKey, clocks.dueAt(clock, percent), byRung.get(rungKey)));
        });
      }
    }
    measurements.sort(Comparator.comparing(Measurement::due));
    return measurements;
  }

  /** One line per mail and the distribution of the lags, for the log and a file under target/. */
  static String report(String title, List<Measurement> measurements) {
    StringBuilder report = new StringBuilder(title).append('\n');
    report.append(String.format("%-9s %-28s %-26s %-26s %9s%n", "ticket", "rung", "due", "arrived", "lag ms"));
    List<Long> lags = new ArrayList<>();
    for (Measurement m : measurements) {
      if (m.arrival() == null) {
        report.append(String.format("%-9s %-28s %-26s %-26s %9s%n", m.ticketId(), m.rung(), m.due(), "-", "missing"));
        continue;
      }
      long lag = m.lag().toMillis();
      lags.add(lag);
      report.append(String.format("%-9s %-28s %-26s %-26s %9d%n", m.ticketId(), m.rung(), m.due(),
          m.arrival().lastStored(), lag));
    }
    lags.sort(null);
    if (!lags.isEmpty()) {
      report.append(String.format("mails %d, lag ms: min %d, p50 %d, p95 %d, p99 %d, max %d, mean %.0f%n",
          lags.size(), lags.get(0), percentile(lags, 50), percentile(lags, 95), percentile(lags, 99),
          lags.get(lags.size() - 1), lags.stream().mapToLong(Long::longValue).average().orElse(0)));
    }
    return report.toString();
  }

  static void write(String fileName, String report) throws IOException {
    Path file = Path.of("target", fileName);
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(List<Long> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
