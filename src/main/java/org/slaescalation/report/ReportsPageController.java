package org.slaescalation.report;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slaescalation.ticket.InvalidTicketFilterException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page {@code /reports}, for team leads and administrators: a form for the period and the grouping, and what the
 * report endpoints answer for it as charts and tables (drawn by the script bundled from {@code tools/review-ui},
 * {@code src/reports.js}). A field the form leaves empty takes its default: the last {@value #DEFAULT_DAYS} days up to
 * today in {@code escalation.reports.zone}, grouped by tier. A bad value is a {@code 400} page naming the parameter.
 *
 * <p>The report API ({@code /api/reports/**}) is HTTP Basic and stateless, the pages use the webapps' session, and a
 * browser is never to learn Basic credentials. So the page reads the same endpoints at {@code /reports/api/<name>}
 * and offers the CSV at {@code /reports/sla.csv}: forwards within the server to {@code /api/reports/<name>}, after
 * the page's filter chain has checked the same roles. The forward adds nothing of its own: an endpoint that this
 * version does not have answers {@code 404}, and the page says that its section is unavailable.
 */
@Controller
class ReportsPageController {

  static final int DEFAULT_DAYS = 30;

  /** The report endpoints the page reads; {@code breaches} and {@code review} come with later versions. */
  static final Set<String> REPORTS = Set.of("sla", "breaches", "review");

  private final ReportProperties properties;
  private final Clock clock;

  ReportsPageController(ReportProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping({"/reports", "/reports/"})
  String page(@RequestParam MultiValueMap<String, String> query, Authentication user, Model model,
      HttpServletResponse response) {
    LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
    MultiValueMap<String, String> given = new LinkedMultiValueMap<>();
    query.forEach((name, values) -> {
      List<String> filled = values.stream().filter(value -> !value.isBlank()).toList();
      if (!filled.isEmpty()) {
        given.put(name, filled);
      }
    });
    given.putIfAbsent("from", List.of(today.minusDays(DEFAULT_DAYS - 1L).toString()));
    given.putIfAbsent("to", List.of(today.toString()));
    given.putIfAbsent("groupBy", List.of(ReportQuery.GroupBy.TIER.code()));
    model.addAttribute("user", user.getName());
    model.addAttribute("zone", properties.zone().getId());
    model.addAttribute("groupings", ReportQuery.GroupBy.codes());
    model.addAttribute("selected", given.toSingleValueMap());
    try {
      ReportQuery parsed = ReportQuery.parse(given, properties.zone());
      model.addAttribute("query", parsed);
      model.addAttribute("groupBy", parsed.groupBy().code());
    } catch (InvalidTicketFilterException invalid) {
      // The form sends only valid fields but a browser may not check dates: say what is wrong, show no report.
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("invalid", invalid.getMessage());
    }
    return "reports";
  }

  /** One report endpoint for the page's script, with the page's query parameters as they came. */
  @GetMapping("/reports/api/{report}")
  String report(@PathVariable String report) {
    if (!REPORTS.contains(report)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No report '" + report + "'");
    }
    return "forward:/api/reports/" + report;
  }

  /** The CSV download of the page's query, named as {@code GET /api/reports/sla.csv} names it. */
  @GetMapping("/reports/sla.csv")
  String csv() {
    return "forward:/api/reports/sla.csv";
  }
}
