package org.slaescalation.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/tickets}. */
public record NewTicket(
    @Size(max = 200) String externalId,
    @NotBlank @Size(max = 300) String subject,
    @NotBlank @Size(max = 20000) String description,
    @NotNull @CodeOf(Priority.class) String priority,
    @NotNull @CodeOf(Category.class) String category,
    @NotNull @Valid Customer customer) {

  /** The customer who raised the ticket. */
  public record Customer(
      @NotBlank @Size(max = 200) String id,
      @NotBlank @Size(max = 300) String name,
      @NotBlank @Email @Size(max = 320) String email,
      @NotNull @CodeOf(Tier.class) String tier,
      @NotNull @TimeZoneId String timeZone) {}
}
