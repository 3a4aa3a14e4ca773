package org.slaescalation.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slaescalation.ticket.KnownCustomers;
import org.slaescalation.ticket.NewTicket;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer records: kept through {@code /api/customers}, looked up by id (intake, the account-manager rungs)
 * and by address (a mail reader matching a sender). An address belongs to one customer only.
 */
@Service
public class CustomerService implements KnownCustomers {

  /** A page of the customers, ordered by id; {@code total} counts them all. */
  public record Page(List<Customer> items, int page, int size, long total) {}

  /** The record as stored; {@code created} is false when it replaced one. */
  public record Saved(Customer customer, boolean created) {}

  private final CustomerRepository repository;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public CustomerService(CustomerRepository repository, TransactionTemplate transaction, Clock clock) {
    this.repository = repository;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The customer with the id, or empty. */
  public Optional<Customer> findById(String id) {
    return id == null || id.isBlank() ? Optional.empty() : repository.findById(id);
  }

  /** The customer one of whose addresses is {@code email} (compared in lower case), or empty. */
  public Optional<Customer> findByEmail(String email) {
    return email == null || email.isBlank() ? Optional.empty()
        : repository.ownerOf(email).flatMap(repository::findById);
  }

  @Override
  public Optional<NewTicket.Customer> customer(String id) {
    return findById(id).map(customer -> new NewTicket.Customer(customer.id(), customer.name(),
        customer.primaryEmail(), customer.tier(), customer.timeZone()));
  }

  /** The customer with the id; throws CustomerNotFoundException. */
  public Customer get(String id) {
    return findById(id).orElseThrow(() -> new CustomerNotFoundException(id));
  }

  /** A page of the customers ordered by id; page from 0, size 1 to 100. */
  public Page list(int page, int size) {
    return new Page(repository.page((long) page * size, size), page, size, repository.count());
  }

  /** Creates a customer; an id or an address already taken is a CustomerConflictException. */
  public Customer create(Customer customer) {
    if (customer.id() == null || customer.id().isBlank()) {
      throw new InvalidCustomerRequestException("id", "must not be blank");
    }
    checkOwnDuplicates(customer);
    return saved(customer, () -> {
      if (repository.exists(customer.id())) {
        throw new CustomerConflictException("id", "A customer with id '" + customer.id() + "' exists already");
      }
      checkAddressesFree(customer);
      repository.insert(customer, now());
      return true;
    }).customer();
  }

  /** Creates customer {@code id} or replaces its record (its addresses too). */
  public Saved put(String id, Customer customer) {
    if (customer.id() != null && !customer.id().equals(id)) {
      throw new InvalidCustomerRequestException("id", "must be the id of the path, '" + id + "', or left out");
    }
    Customer withId = customer.withId(id);
    checkOwnDuplicates(withId);
    return saved(withId, () -> {
      checkAddressesFree(withId);
      if (repository.exists(id)) {
        repository.replace(withId, now());
        return false;
      }
      repository.insert(withId, now());
      return true;
    });
  }

  private interface Write {
    boolean run();
  }

  private Saved saved(Customer customer, Write write) {
    boolean created;
    try {
      created = Boolean.TRUE.equals(transaction.execute(status -> write.run()));
    } catch (DuplicateKeyException raceLost) {
      // Another request took the id or an address between the check and the insert.
      throw new CustomerConflictException(repository.exists(customer.id()) ? "id" : "emails",
          "Customer '" + customer.id() + "' or one of its addresses was stored at the same time by another request");
    }
    return new Saved(get(customer.id()), created);
  }

  private static void checkOwnDuplicates(Customer customer) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < customer.emails().size(); i++) {
      if (!seen.add(Customer.normalized(customer.emails().get(i)))) {
        throw new InvalidCustomerRequestException("emails[" + i + "]",
            "'" + customer.emails().get(i) + "' is listed twice");
      }
    }
  }

  private void checkAddressesFree(Customer customer) {
    for (int i = 0; i < customer.emails().size(); i++) {
      String email = customer.emails().get(i);
      Optional<String> owner = repository.ownerOf(email);
      if (owner.isPresent() && !owner.get().equals(customer.id())) {
        throw new CustomerConflictException("emails[" + i + "]",
            "The address '" + email + "' belongs to customer '" + owner.get() + "'");
      }
    }
  }

  private Instant now() {
    return clock.instant();
  }
}
