package org.slaescalation.inbound;

import java.util.Optional;

/**
 * Who may open a ticket by mail: the port to the customer records. An unmatched mail from a known sender opens a
 * ticket with the sender's customer, tier and time zone; from anyone else it is rejected ({@link RejectedMails}).
 * The customer records answer it ({@code InboundMailConfiguration.knownSenders}): any address of a record.
 */
public interface KnownSenders {

  /** The sender with this address (compared without regard to case), if known. */
  Optional<Sender> byEmail(String address);

  /**
   * A known sender and the customer record they belong to.
   *
   * @param tier     the customer's tier code ({@code enterprise}, {@code business}, {@code standard}, {@code free})
   * @param timeZone the customer's IANA time zone, e.g. {@code Europe/Amsterdam}
   */
  record Sender(String customerId, String name, String email, String tier, String timeZone) {}
}
