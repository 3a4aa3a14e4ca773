-- Customer satisfaction (docs/api.md, "Customer satisfaction survey"). One answer per ticket: the primary key makes
-- the first answer the one that counts, also when two submits race. ticket_number is the ticket's number in the
-- registry (ticket.number), so reports join it with the ticket's segment.
create table csat_answer (
  ticket_number bigint primary key references ticket (number),
  rating smallint not null,
  comment varchar(2000),
  answered_at timestamp with time zone not null,
  constraint ck_csat_answer_rating check (rating between 1 and 5)
);
create index ix_csat_answer_answered on csat_answer (answered_at);

-- The key that signs survey links when escalation.csat.secret is not set (outside the prod profile): generated at
-- random on first use, one per installation (id 1), shared by every node of a cluster.
create table csat_secret (
  id smallint primary key,
  secret varchar(100) not null
);
