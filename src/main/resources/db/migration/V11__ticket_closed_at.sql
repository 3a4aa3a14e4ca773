-- When the ticket closed; null while it is open or reopened. A closed ticket's process instance stays for the reopen
-- window (escalation.reopen-within), so the end of the instance is not the close.
alter table ticket add column closed_at timestamp with time zone;
