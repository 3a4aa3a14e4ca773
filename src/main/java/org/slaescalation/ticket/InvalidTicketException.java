package org.slaescalation.ticket;

import java.util.List;
import java.util.stream.Collectors;

/** A new ticket that intake refuses: every bad field (after the customer's record filled in what was left out). */
public class InvalidTicketException extends RuntimeException {

  /** A bad field, named as in the request body ({@code customer.tier}), and what is wrong with it. */
  public record FieldProblem(String field, String message) {}

  private final List<FieldProblem> problems;

  InvalidTicketException(List<FieldProblem> problems) {
    super(problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** The bad fields, ordered by name. */
  public List<FieldProblem> problems() {
    return problems;
  }
}
