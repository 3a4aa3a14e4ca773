package org.slaescalation.customer;

/** A request to the customer API that Bean Validation cannot judge alone: a field or parameter at fault. */
public class InvalidCustomerRequestException extends RuntimeException {

  private final String field;

  InvalidCustomerRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field or query parameter at fault. */
  public String field() {
    return field;
  }
}
