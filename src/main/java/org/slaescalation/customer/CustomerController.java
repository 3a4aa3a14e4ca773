package org.slaescalation.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers", description = "The customer records intake and the escalation ladder read")
class CustomerController {

  static final int MAX_PAGE_SIZE = 100;

  private final CustomerService customers;

  CustomerController(CustomerService customers) {
    this.customers = customers;
  }

  @PostMapping
  @Operation(summary = "Create a customer", description = "201 with the record; 409 when the id or an address is taken.")
  ResponseEntity<Customer> create(@Valid @RequestBody Customer customer) {
    Customer created = customers.create(customer);
    return ResponseEntity.created(location(created.id())).body(created);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a customer")
  Customer get(@PathVariable String id) {
    return customers.get(id);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Create or replace a customer",
      description = "201 when created, 200 when replaced; 409 when an address belongs to another customer.")
  ResponseEntity<Customer> put(@PathVariable String id, @Valid @RequestBody Customer customer) {
    CustomerService.Saved saved = customers.put(id, customer);
    return saved.created() ? ResponseEntity.created(location(id)).body(saved.customer())
        : ResponseEntity.ok(saved.customer());
  }

  @GetMapping
  @Operation(summary = "List customers by id, a page at a time, or find the customer of an address")
  CustomerService.Page list(@RequestParam(required = false) String email,
      @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
    int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    int pageSize = number("size", size, 20, 1, MAX_PAGE_SIZE);
    if (email != null) {
      // At most one customer has an address.
      List<Customer> found = customers.findByEmail(email).stream().toList();
      return new CustomerService.Page(pageNumber == 0 ? found : List.of(), pageNumber, pageSize, found.size());
    }
    return customers.list(pageNumber, pageSize);
  }

  private static int number(String parameter, String value, int otherwise, int min, int max) {
    if (value == null) {
      return otherwise;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new InvalidCustomerRequestException(parameter, "must be a whole number from " + min + " to " + max);
  }

  private static URI location(String id) {
    return URI.create("/api/customers/" + id);
  }
}
