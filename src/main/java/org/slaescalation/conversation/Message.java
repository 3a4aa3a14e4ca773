package org.slaescalation.conversation;

import java.time.Instant;

/**
 * A message of a ticket's conversation.
 *
 * @param author    who wrote it: the agent's user id, or the customer's address (null when the API recorded it)
 * @param team      the agent's team (outbound and internal messages)
 * @param messageId the mail's Message-ID (outbound; inbound when it came by mail)
 * @param sentAt    when an outbound message was mailed; null while it waits for the mail server
 */
public record Message(long id, long ticketNumber, Direction direction, String author, String team, Instant at,
    String text, String messageId, Instant sentAt) {

  public boolean pending() {
    return direction == Direction.OUTBOUND && sentAt == null;
  }
}
