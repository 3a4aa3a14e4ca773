-- The gauges of /actuator/prometheus (ladder.EscalationMetrics) count at every scrape, on every node: without these
-- indexes each scrape reads the whole history of stints and mails (100,000 open tickets hold some 300,000 open
-- stints, and the closed ones only grow).
-- Open stints by clock and state: the range "stopped_at is null" of this index answers the grouped count alone.
create index ix_clock_stint_open on clock_stint (stopped_at, clock, state);
-- Pending mails, and the oldest of them that is due: the range "state = 'pending'" of this index.
create index ix_escalation_mail_state on escalation_mail (state, due_at, hold_until);
