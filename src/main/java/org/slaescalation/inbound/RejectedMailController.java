package org.slaescalation.inbound;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/rejected-mail}: administrators only (SecurityConfiguration: every other {@code /api} path). */
@RestController
@Tag(name = "Rejected mail", description = "Mail to the inbound mailbox that opened no ticket and matched none")
class RejectedMailController {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;

  private final RejectedMails rejected;

  RejectedMailController(RejectedMails rejected) {
    this.rejected = rejected;
  }

  @GetMapping("/api/rejected-mail")
  @Operation(summary = "List the rejected mail, newest first, a page at a time",
      description = "page (from 0), size (1 to 100, default 20). Reasons: unknown-sender, sender-not-on-ticket,"
          + " no-sender, unreadable.")
  RejectedMails.Page list(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
    return rejected.page(number("page", page, 0, Integer.MAX_VALUE / MAX_SIZE, 0),
        number("size", size, 1, MAX_SIZE, DEFAULT_SIZE));
  }

  private static int number(String parameter, String value, int min, int max, int absent) {
    if (value == null) {
      return absent;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // refused below, with the range
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Parameter '" + parameter
        + "' must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    problem.setTitle("Invalid request parameter");
    problem.setProperty("parameter", parameter);
    throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }
}
