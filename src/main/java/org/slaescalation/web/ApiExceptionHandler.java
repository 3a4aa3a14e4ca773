package org.slaescalation.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slaescalation.customer.CustomerConflictException;
import org.slaescalation.customer.CustomerNotFoundException;
import org.slaescalation.customer.InvalidCustomerRequestException;
import org.slaescalation.ticket.InvalidTicketException;
import org.slaescalation.ticket.InvalidTicketFilterException;
import org.slaescalation.ticket.TicketClosedException;
import org.slaescalation.ticket.TicketNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 7807 problem bodies for the service's own API (its {@code @RestController}s; the pages' errors are pages). A
 * bad request names each bad field in {@code errors[].field}; nothing the client sent turns into a 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  /** One bad field of a request. */
  record FieldProblem(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), message(error)))
        .sorted(java.util.Comparator.comparing(FieldProblem::field))
        .toList();
    return ResponseEntity.badRequest().body(invalid(HttpStatus.BAD_REQUEST, "Invalid request", errors));
  }

  /** A new ticket that is invalid once a known customer's record filled in what it left out. */
  @ExceptionHandler(InvalidTicketException.class)
  ProblemDetail invalidTicket(InvalidTicketException ex) {
    return invalid(HttpStatus.BAD_REQUEST, "Invalid request", ex.problems().stream()
        .map(p -> new FieldProblem(p.field(), p.message())).toList());
  }

  @ExceptionHandler(InvalidCustomerRequestException.class)
  ProblemDetail invalidCustomerRequest(InvalidCustomerRequestException ex) {
    return invalid(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new FieldProblem(ex.field(), ex.getMessage())));
  }

  @ExceptionHandler(CustomerConflictException.class)
  ProblemDetail customerConflict(CustomerConflictException ex) {
    ProblemDetail problem = invalid(HttpStatus.CONFLICT, "Customer conflict",
        List.of(new FieldProblem(ex.field(), ex.getMessage())));
    problem.setDetail(ex.getMessage());
    return problem;
  }

  @ExceptionHandler(CustomerNotFoundException.class)
  ProblemDetail customerNotFound(CustomerNotFoundException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    problem.setTitle("Customer not found");
    return problem;
  }

  private static ProblemDetail invalid(HttpStatus status, String title, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, errors.stream()
        .map(e -> e.field() + " " + e.message())
        .collect(Collectors.joining("; ")));
    problem.setTitle(title);
    problem.setProperty("errors", errors);
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem;
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " has the wrong type");
      problem.setTitle("Invalid request");
      problem.setProperty("errors", List.of(new FieldProblem(field, "has the wrong type")));
    } else if (ex.getCause() instanceof JsonProcessingException json) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Malformed JSON: " + json.getOriginalMessage());
      problem.setTitle("Malformed request body");
    } else {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request needs a JSON body");
      problem.setTitle("Malformed request body");
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(TicketNotFoundException.class)
  ProblemDetail notFound(TicketNotFoundException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    problem.setTitle("Ticket not found");
    return problem;
  }

  @ExceptionHandler(InvalidTicketFilterException.class)
  ProblemDetail invalidFilter(InvalidTicketFilterException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    problem.setTitle("Invalid request parameter");
    problem.setProperty("parameter", ex.parameter());
    return problem;
  }

  @ExceptionHandler(TicketClosedException.class)
  ProblemDetail closed(TicketClosedException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    problem.setTitle("Ticket closed");
    return problem;
  }

  /** A collision that was still there after {@code Collisions} ran the transaction again. */
  @ExceptionHandler(ConcurrencyFailureException.class)
  ProblemDetail concurrentUpdate(ConcurrencyFailureException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The ticket was changed at the same time by another request; nothing was recorded. Send the request again.");
    problem.setTitle("Concurrent update");
    problem.setProperties(Map.of("retryable", true));
    return problem;
  }

  private static String message(FieldError error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }
}
