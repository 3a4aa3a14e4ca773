package org.slaescalation.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customer records, in the service's tables {@code customer} and {@code customer_email}. */
@Repository
public class CustomerRepository {

  private record Row(String id, String name, String tier, String timeZone, String accountManagerEmail) {}

  private static final String COLUMNS = "id, name, tier, time_zone, account_manager_email";

  private final JdbcClient jdbc;

  public CustomerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Customer> findById(String id) {
    return jdbc.sql("select " + COLUMNS + " from customer where id = :id")
        .param("id", id)
        .query(Row.class)
        .optional()
        .map(row -> withEmails(List.of(row)).get(0));
  }

  /** The id of the customer that has the address (compared in lower case). */
  Optional<String> ownerOf(String email) {
    return jdbc.sql("select customer_id from customer_email where normalized_email = :email")
        .param("email", Customer.normalized(email))
        .query(String.class)
        .optional();
  }

  boolean exists(String id) {
    return jdbc.sql("select count(*) from customer where id = :id").param("id", id).query(Long.class).single() > 0;
  }

  long count() {
    return jdbc.sql("select count(*) from customer").query(Long.class).single();
  }

  /** A page of the customers, ordered by id. */
  List<Customer> page(long offset, int limit) {
    List<Row> rows = jdbc.sql("select " + COLUMNS + " from customer order by id offset :offset rows fetch next"
            + " :limit rows only")
        .param("offset", offset)
        .param("limit", limit)
        .query(Row.class)
        .list();
    return withEmails(rows);
  }

  /** Inserts a customer; an id or an address already taken raises DuplicateKeyException. */
  void insert(Customer customer, Instant updatedAt) {
    withRecord(jdbc.sql("insert into customer (" + COLUMNS + ", updated_at) values (:id, :name, :tier, :timeZone,"
        + " :accountManagerEmail, :updatedAt)"), customer, updatedAt).update();
    insertEmails(customer);
  }

  /** Replaces an existing customer's record and addresses. */
  void replace(Customer customer, Instant updatedAt) {
    withRecord(jdbc.sql("update customer set name = :name, tier = :tier, time_zone = :timeZone,"
        + " account_manager_email = :accountManagerEmail, updated_at = :updatedAt where id = :id"), customer, updatedAt)
        .update();
    jdbc.sql("delete from customer_email where customer_id = :id").param("id", customer.id()).update();
    insertEmails(customer);
  }

  /** The record's columns as the statement's parameters. */
  private static JdbcClient.StatementSpec withRecord(JdbcClient.StatementSpec statement, Customer customer,
      Instant updatedAt) {
    return statement.param("id", customer.id())
        .param("name", customer.name())
        .param("tier", customer.tier())
        .param("timeZone", customer.timeZone())
        .param("accountManagerEmail", customer.accountManagerEmail())
        .param("updatedAt", Timestamp.from(updatedAt));
  }

  private void insertEmails(Customer customer) {
    for (int position = 0; position < customer.emails().size(); position++) {
      String email = customer.emails().get(position);
      jdbc.sql("insert into customer_email (customer_id, list_position, email, normalized_email)"
              + " values (:id, :position, :email, :normalized)")
          .param("id", customer.id())
          .param("position", position)
          .param("email", email)
          .param("normalized", Customer.normalized(email))
          .update();
    }
  }

  private List<Customer> withEmails(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> emails = new LinkedHashMap<>();
    rows.forEach(row -> emails.put(row.id(), new ArrayList<>()));
    jdbc.sql("select customer_id, email from customer_email where customer_id in (:ids)"
            + " order by customer_id, list_position")
        .param("ids", List.copyOf(emails.keySet()))
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(entry -> emails.get(entry.getKey()).add(entry.getValue()));
    return rows.stream()
        .map(row -> new Customer(row.id(), row.name(), List.copyOf(emails.get(row.id())), row.tier(), row.timeZone(),
            row.accountManagerEmail()))
        .toList();
  }
}
