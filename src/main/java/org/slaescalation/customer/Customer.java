package org.slaescalation.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.slaescalation.ticket.CodeOf;
import org.slaescalation.ticket.Tier;
import org.slaescalation.ticket.TimeZoneId;

/**
 * A customer's record, and the body of {@code POST /api/customers} and {@code PUT /api/customers/{id}}.
 *
 * @param id                  the customer's id, as intake names it ({@code customer.id} of a ticket); in
 *                            {@code PUT}'s body optional, and then the path's
 * @param emails              the customer's addresses, the first the one intake writes to; an address belongs to
 *                            one customer only (compared in lower case)
 * @param accountManagerEmail optional: who receives the account-manager rungs of the customer's tickets
 */
public record Customer(
    @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
        message = "must be letters, digits, '.', '_' or '-', starting with a letter or digit") String id,
    @NotBlank @Size(max = 300) String name,
    @NotEmpty @Size(max = 20) List<@NotBlank @Email @Size(max = 320) String> emails,
    @NotNull @CodeOf(Tier.class) String tier,
    @NotNull @TimeZoneId String timeZone,
    @Email @Size(max = 320) String accountManagerEmail) {

  public Customer {
    emails = emails == null ? null : emails.stream().map(email -> email == null ? null : email.strip()).toList();
    accountManagerEmail = accountManagerEmail == null || accountManagerEmail.isBlank() ? null
        : accountManagerEmail.strip();
  }

  /** The address intake writes to: the first. */
  public String primaryEmail() {
    return emails.get(0);
  }

  Customer withId(String newId) {
    return new Customer(newId, name, emails, tier, timeZone, accountManagerEmail);
  }

  /** How addresses are compared: in lower case, so that {@code Ops@Acme.example} is {@code ops@acme.example}. */
  static String normalized(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
