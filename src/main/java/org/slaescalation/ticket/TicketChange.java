package org.slaescalation.ticket;

import jakarta.validation.constraints.AssertTrue;

/** Body of {@code PATCH /api/tickets/{id}}: a new priority, a new tier, or both. */
public record TicketChange(@CodeOf(Priority.class) String priority, @CodeOf(Tier.class) String tier) {

  @AssertTrue(message = "name a new priority or tier")
  boolean isAnything() {
    return priority != null || tier != null;
  }
}
