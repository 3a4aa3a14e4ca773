package org.slaescalation.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slaescalation.ticket.InvalidTicketFilterException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page {@code /reports/what-if}: a form with the edited DMN, the period and the grouping; its answer shows the
 * rows of {@code POST /api/reports/what-if} on the server-rendered page. The form is {@code multipart/form-data},
 * which the service does not parse before the controller, so its CSRF token travels in the form's address (the page
 * chain's CSRF check reads it there); a post without it is refused before anything is read.
 */
@Controller
class WhatIfPageController {

  private final WhatIfReport whatIf;
  private final ReportProperties properties;
  private final Clock clock;

  WhatIfPageController(WhatIfReport whatIf, ReportProperties properties, Clock clock) {
    this.whatIf = whatIf;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/reports/what-if")
  String form(Authentication user, Model model) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
    return page(user, model, today.minusDays(30).toString(), today.toString(), "tier");
  }

  @PostMapping("/reports/what-if")
  String replay(Authentication user, Model model, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PolicyUpload upload;
    try {
      upload = PolicyUpload.read(request);
    } catch (PolicyUpload.TooLargeException | InvalidPolicyException unreadable) {
      response.setStatus(unreadable instanceof InvalidPolicyException ? 400 : 413);
      model.addAttribute("invalid", unreadable.getMessage());
      return form(user, model);
    }
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    for (String name : List.of("from", "to", "groupBy")) {
      List<String> values = upload.fields().get(name);
      if (values != null) {
        query.put(name, values);
      }
    }
    String page = page(user, model, query.getFirst("from"), query.getFirst("to"), query.getFirst("groupBy"));
    try {
      ReportQuery parsed = ReportQuery.parse(query, properties.zone());
      model.addAttribute("rows", whatIf.rows(parsed, UploadedPolicy.parse(upload.dmn(), whatIf.calendarNames())));
    } catch (InvalidTicketFilterException | InvalidPolicyException invalid) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("invalid", invalid.getMessage());
    }
    return page;
  }

  private static String page(Authentication user, Model model, String from, String to, String groupBy) {
    model.addAttribute("user", user.getName());
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("groupBy", groupBy);
    model.addAttribute("groupings", ReportQuery.GroupBy.codes());
    return "reports-what-if";
  }
}
