package org.slaescalation.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/reports/what-if}: the compliance the closed tickets of a period would have had under an edited
 * {@code SlaPolicy}, beside the actual, for team leads and administrators. Nothing is deployed. An upload that cannot
 * be replayed is a {@code 400} problem body naming the problem ({@code "parameter": "dmn"}); one over 1 MB a
 * {@code 413}.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "SLA compliance per segment and team, for a period")
class WhatIfController {

  private final WhatIfReport whatIf;
  private final ReportProperties properties;

  WhatIfController(WhatIfReport whatIf, ReportProperties properties) {
    this.whatIf = whatIf;
    this.properties = properties;
  }

  @PostMapping(path = "/what-if", produces = MediaType.APPLICATION_JSON_VALUE, consumes = {
      MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
  @Operation(summary = "Replays the closed tickets opened from `from` to `to` against the uploaded SlaPolicy DMN"
      + " (the body, or multipart field `dmn`) and answers actual and what-if compliance per group",
      description = "Counting rules: docs/api.md, Reports, What-if.")
  List<WhatIfRow> whatIf(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request)
      throws IOException {
    ReportQuery parsed = ReportQuery.parse(query, properties.zone());
    PolicyUpload upload = PolicyUpload.read(request);
    return whatIf.rows(parsed, UploadedPolicy.parse(upload.dmn(), whatIf.calendarNames()));
  }

  @ExceptionHandler(InvalidPolicyException.class)
  ProblemDetail invalid(InvalidPolicyException invalid) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
    problem.setTitle("Invalid SLA policy");
    problem.setProperty("parameter", "dmn");
    return problem;
  }

  @ExceptionHandler(PolicyUpload.TooLargeException.class)
  ProblemDetail tooLarge(PolicyUpload.TooLargeException tooLarge) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
    problem.setTitle("Request body too large");
    problem.setProperty("maxBytes", PolicyUpload.MAX_BYTES);
    return problem;
  }
}
