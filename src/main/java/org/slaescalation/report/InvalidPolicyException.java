package org.slaescalation.report;

/** An uploaded {@code SlaPolicy} that the what-if cannot replay; the message names the problem for the caller. */
class InvalidPolicyException extends RuntimeException {

  InvalidPolicyException(String message) {
    super(message);
  }
}
