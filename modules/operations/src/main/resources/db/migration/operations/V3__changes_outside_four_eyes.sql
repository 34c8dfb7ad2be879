-- Dead letters that left a dead-letter queue outside Switchboard's four-eyes requests: the audit
-- entry says how many, so the count carries over a redeployment (broker counters run since the
-- broker started).
alter table audit_entry add column message_count bigint;

create index audit_entry_by_queue on audit_entry (queue, action, at);
