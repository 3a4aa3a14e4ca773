package org.slaescalation.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slaescalation.ladder.Rung;
import org.slaescalation.team.Team;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/sla} and its CSV download {@code GET /api/reports/sla.csv} (the same rows, so that a
 * spreadsheet and the JSON never disagree), for team leads and administrators. Every refusal is a {@code 400} problem
 * body naming the parameter.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "SLA compliance per segment and team, for a period")
class ReportController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final SlaReport report;
  private final BreachList breaches;
  private final SlaReview review;
  private final ReportProperties properties;

  ReportController(SlaReport report, BreachList breaches, SlaReview review, ReportProperties properties) {
    this.report = report;
    this.breaches = breaches;
    this.review = review;
    this.properties = properties;
  }

  @GetMapping(path = "/breaches", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Every breached SLA clock of the tickets opened from `from` to `to`, by breach instant, with"
      + " the teams that consumed its budget", description = "Counting rules: docs/api.md, Reports.")
  List<BreachRow> breaches(@RequestParam MultiValueMap<String, String> query) {
    return breaches.rows(ReportQuery.parsePeriod(query, properties.zone()));
  }

  @GetMapping("/breaches.csv")
  @Operation(summary = "The rows of GET /api/reports/breaches as CSV, one line per team that consumed a budget")
  ResponseEntity<String> breachesCsv(@RequestParam MultiValueMap<String, String> query) {
    ReportQuery parsed = ReportQuery.parsePeriod(query, properties.zone());
    String file = "breaches-" + parsed.from() + "-" + parsed.to() + ".csv";
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .body(breachesCsv(breaches.rows(parsed)));
  }

  @GetMapping(path = "/csat", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "CSAT answers beside first-response and resolution compliance per segment")
  List<SlaReview.CsatRow> csat(@RequestParam MultiValueMap<String, String> query) {
    return review.csat(ReportQuery.parse(query, properties.zone()));
  }

  @GetMapping(path = "/review", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Segments that are candidates for an SLA review, each with the numbers behind its flag",
      description = "Flags and thresholds (escalation.reports.review.*): docs/api.md, Reports.")
  List<ReviewCandidate> review(@RequestParam MultiValueMap<String, String> query) {
    return review.candidates(ReportQuery.parse(query, properties.zone()));
  }

  static final List<String> BREACHES_CSV_HEADER = List.of("ticketId", "clock", "tier", "priority", "category",
      "customer", "breachedAt", "budget", "team", "stints", "businessTime", "olaBudget", "olaBreached", "taskUrl");

  /** One line per breached clock and team that consumed its budget (a breach no team's stint ran in: one line). */
  static String breachesCsv(List<BreachRow> rows) {
    StringBuilder csv = new StringBuilder(String.join(",", BREACHES_CSV_HEADER)).append("\r\n");
    for (BreachRow row : rows) {
      List<BreachRow.Consumer> consumers = row.consumedBy().isEmpty()
          ? java.util.Collections.singletonList(null) : row.consumedBy();
      for (BreachRow.Consumer consumer : consumers) {
        List<Object> cells = Arrays.asList(row.ticketId(), row.clock(), row.tier(), row.priority(), row.category(),
            row.customer(), row.breachedAt(), row.budget(), consumer == null ? null : consumer.team(),
            consumer == null ? null : consumer.stints(), consumer == null ? null : consumer.businessTime(),
            consumer == null ? null : consumer.olaBudget(), consumer == null ? null : consumer.olaBreached(),
            row.taskUrl());
        csv.append(String.join(",", cells.stream().map(ReportController::cell).toList())).append("\r\n");
      }
    }
    return csv.toString();
  }

  @GetMapping(path = "/sla", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "First-response and resolution compliance of the tickets opened from `from` to `to` (both"
      + " days included, in escalation.reports.zone), grouped by tier, priority, category, customer or team",
      description = "Counting rules: docs/api.md, Reports.")
  List<ReportRow> sla(@RequestParam MultiValueMap<String, String> query) {
    return report.rows(ReportQuery.parse(query, properties.zone()));
  }

  @GetMapping("/sla.csv")
  @Operation(summary = "The rows of GET /api/reports/sla as CSV, one line per group after a header")
  ResponseEntity<String> slaCsv(@RequestParam MultiValueMap<String, String> query) {
    ReportQuery parsed = ReportQuery.parse(query, properties.zone());
    String file = "sla-" + parsed.groupBy().code() + "-" + parsed.from() + "-" + parsed.to() + ".csv";
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .body(csv(report.rows(parsed)));
  }

  /**
   * The columns of the CSV: the report's original ones, then (appended, so that a spreadsheet reading the first ones
   * keeps working) breaches, time paused, escalations per rung, OLA per team and CSAT.
   */
  static final List<String> CSV_HEADER = csvHeader();

  private static List<String> csvHeader() {
    List<String> header = new ArrayList<>(List.of("group", "tickets", "firstResponseMet", "firstResponseBreached",
        "firstResponseCompliance", "firstResponseInternalMet", "resolutionMet", "resolutionBreached",
        "resolutionCompliance", "resolutionInternalMet", "medianFirstResponse", "p90FirstResponse",
        "medianResolution", "p90Resolution", "breaches", "timePausedMedian", "timePausedTotal"));
    for (Rung rung : Rung.values()) {
      header.add("escalations" + capitalized(rung.code()));
    }
    for (Team team : Team.values()) {
      String ola = "ola" + capitalized(team.code());
      header.addAll(List.of(ola + "Stints", ola + "Met", ola + "Breached", ola + "Compliance"));
    }
    header.addAll(List.of("csatAnswers", "csatAverage"));
    SlaReport.SCORES.forEach(score -> header.add("csatScore" + score));
    return List.copyOf(header);
  }

  private static String capitalized(String code) {
    return Character.toUpperCase(code.charAt(0)) + code.substring(1);
  }

  /** RFC 4180 lines (CRLF); an empty cell for a null. */
  static String csv(List<ReportRow> rows) {
    StringBuilder csv = new StringBuilder(String.join(",", CSV_HEADER)).append("\r\n");
    for (ReportRow row : rows) {
      List<Object> cells = new ArrayList<>(List.of(row.group(), row.tickets()));
      cells.addAll(cells(row.firstResponse()));
      cells.addAll(cells(row.resolution()));
      cells.addAll(Arrays.asList(row.medianFirstResponse(), row.p90FirstResponse(), row.medianResolution(),
          row.p90Resolution(), row.breaches(), row.timePaused().median(), row.timePaused().total()));
      cells.addAll(row.escalations().values());
      for (Team team : Team.values()) {
        ReportRow.Ola ola = row.ola().stream().filter(o -> o.team().equals(team.code())).findFirst()
            .orElse(new ReportRow.Ola(team.code(), 0, 0, 0, null));
        cells.addAll(Arrays.asList(ola.stints(), ola.met(), ola.breached(), ola.compliance()));
      }
      cells.addAll(Arrays.asList(row.csat().answers(), row.csat().average()));
      cells.addAll(row.csat().scores().values());
      csv.append(String.join(",", cells.stream().map(ReportController::cell).toList())).append("\r\n");
    }
    return csv.toString();
  }

  private static List<Object> cells(ReportRow.Compliance compliance) {
    return Arrays.asList(compliance.met(), compliance.breached(), compliance.compliance(),
        compliance.internalMet());
  }

  /**
   * One cell: quoted when it holds a comma, quote or line break; text a spreadsheet would run as a formula (a
   * customer id such as {@code =HYPERLINK(..)}) starts with an apostrophe.
   */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
