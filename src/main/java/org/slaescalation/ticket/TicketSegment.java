package org.slaescalation.ticket;

import java.time.Instant;

/**
 * A ticket as a compliance report counts it: when it was opened, where it stands, and the segment it belongs to
 * (its tier, priority, category and customer, as its process variables last said; null when one was never set).
 *
 * @param number the ticket's number, for reading its clocks
 * @param status as {@link TicketView} spells it: {@code open}, ..., {@code closed}, {@code cancelled}
 * @param taskId the ticket's current task, for a link to it in Tasklist; null when it has none
 */
public record TicketSegment(long number, String id, String status, Instant createdAt, String tier, String priority,
    String category, String customerId, String taskId) {}
