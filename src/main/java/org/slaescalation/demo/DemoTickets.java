package org.slaescalation.demo;

import java.util.List;
import org.slaescalation.customer.Customer;
import org.slaescalation.customer.CustomerService;
import org.slaescalation.ticket.NewTicket;
import org.slaescalation.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few sample tickets, opened once, so that Tasklist is not empty, and the records of their customers, so that a
 * ticket can be opened by customer id ({@code demo} profile only).
 */
@Component
@Profile("demo")
@Order(30)
class DemoTickets implements ApplicationRunner {

  static final List<NewTicket> SAMPLES = List.of(
      new NewTicket("demo-1", "Checkout returns HTTP 500 for every order",
          "Since 09:10 CET no order can be placed in our web shop. Customers see an error page.",
          "P1", "incident",
          new NewTicket.Customer("acme", "ACME Retail", "ops@acme.example", "enterprise", "Europe/Amsterdam")),
      new NewTicket("demo-2", "Export to CSV drops the last column",
          "The monthly report export is missing the 'total' column since the last update.",
          "P3", "bug",
          new NewTicket.Customer("globex", "Globex Corporation", "it@globex.example", "business", "America/New_York")),
      new NewTicket("demo-3", "Please change our billing address",
          "We moved: our new address is Keizersgracht 1, Amsterdam.",
          "P4", "billing",
          new NewTicket.Customer("initech", "Initech", "finance@initech.example", "standard", "Europe/Berlin")),
      new NewTicket("demo-4", "How do I add a second administrator?",
          "We would like to give a colleague admin rights on our account.",
          "P3", "question",
          new NewTicket.Customer("hooli", "Hooli", "admin@hooli.example", "free", "Australia/Sydney")));

  /**
   * The records of the samples' customers; ACME, the enterprise customer, has an account manager of its own, the
   * others' account-manager rungs go to {@code escalation.contacts.account-manager}.
   */
  static final List<Customer> CUSTOMERS = SAMPLES.stream()
      .map(NewTicket::customer)
      .map(customer -> new Customer(customer.id(), customer.name(), List.of(customer.email()), customer.tier(),
          customer.timeZone(), "acme".equals(customer.id()) ? "alex.accounts@example.com" : null))
      .toList();

  private static final Logger LOG = LoggerFactory.getLogger(DemoTickets.class);

  private final TicketService tickets;
  private final CustomerService customers;
  private final DemoProperties properties;

  DemoTickets(TicketService tickets, CustomerService customers, DemoProperties properties) {
    this.tickets = tickets;
    this.customers = customers;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.sampleTickets()) {
      return;
    }
    // Created once: a record an administrator changed since is left as it is.
    CUSTOMERS.stream().filter(customer -> customers.findById(customer.id()).isEmpty()).forEach(customers::create);
    // Fixed external ids: a restart finds the tickets opened before instead of opening new ones.
    SAMPLES.forEach(sample -> LOG.info("Sample ticket {}: {}", tickets.open(sample).id(), sample.subject()));
  }
}
