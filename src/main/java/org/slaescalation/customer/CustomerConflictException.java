package org.slaescalation.customer;

/** A customer with that id exists already, or an address belongs to another customer. */
public class CustomerConflictException extends RuntimeException {

  private final String field;

  CustomerConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field of the request at fault: {@code id} or {@code emails}. */
  public String field() {
    return field;
  }
}
