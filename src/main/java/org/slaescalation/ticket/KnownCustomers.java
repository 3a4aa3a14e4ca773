package org.slaescalation.ticket;

import java.util.Optional;

/**
 * The customer records intake completes a ticket from: with a known {@code customer.id}, the fields a request leaves
 * out are the record's (implemented by the customer package, which knows tickets, not the other way round).
 */
public interface KnownCustomers {

  /** The record of customer {@code id} as a ticket names a customer (its first address), or empty. */
  Optional<NewTicket.Customer> customer(String id);
}
