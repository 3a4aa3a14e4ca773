-- Customers as records: intake with a known customer id takes the name, address, tier and time zone from here, and
-- the account manager named here receives the account-manager rungs of the customer's tickets.
create table customer (
  id varchar(200) primary key,
  name varchar(300) not null,
  tier varchar(20) not null,
  time_zone varchar(100) not null,
  account_manager_email varchar(320),
  updated_at timestamp with time zone not null
);

-- A customer's addresses, the first (list_position 0) the one intake writes to; an address belongs to one customer only
-- (compared in lower case, so that a mail reader can match a sender to one customer).
create table customer_email (
  customer_id varchar(200) not null,
  list_position integer not null,
  email varchar(320) not null,
  normalized_email varchar(320) not null,
  constraint pk_customer_email primary key (customer_id, list_position),
  constraint uk_customer_email unique (normalized_email),
  constraint fk_customer_email_customer foreign key (customer_id) references customer (id) on delete cascade
);
