package org.slaescalation.customer;

/** No customer has the requested id. */
public class CustomerNotFoundException extends RuntimeException {

  public CustomerNotFoundException(String id) {
    super("No customer with id '" + id + "'");
  }
}
