package org.slaescalation.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  private final ReportProperties properties;

  ReportController(SlaReport report, ReportProperties properties) {
    this.report = report;
    this.properties = properties;
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

  static final List<String> CSV_HEADER = List.of("group", "tickets", "firstResponseMet", "firstResponseBreached",
      "firstResponseCompliance", "firstResponseInternalMet", "resolutionMet", "resolutionBreached",
      "resolutionCompliance", "resolutionInternalMet", "medianFirstResponse", "p90FirstResponse", "medianResolution",
      "p90Resolution");

  /** RFC 4180 lines (CRLF); an empty cell for a null. */
  static String csv(List<ReportRow> rows) {
    StringBuilder csv = new StringBuilder(String.join(",", CSV_HEADER)).append("\r\n");
    for (ReportRow row : rows) {
      List<Object> cells = new ArrayList<>(List.of(row.group(), row.tickets()));
      cells.addAll(cells(row.firstResponse()));
      cells.addAll(cells(row.resolution()));
      cells.addAll(Arrays.asList(row.medianFirstResponse(), row.p90FirstResponse(), row.medianResolution(),
          row.p90Resolution()));
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
