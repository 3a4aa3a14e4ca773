package org.slaescalation.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/tickets/{id}/customer-replies}. */
public record CustomerReply(@NotBlank @Size(max = 20000) String message) {}
