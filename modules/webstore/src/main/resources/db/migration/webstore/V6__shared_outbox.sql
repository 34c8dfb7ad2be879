-- The Web Store's events move to the outbox every context has (SharedTable.OUTBOX, created before
-- this migration by SchemaMigrations; relayed by WebstoreOutbox, a TransactionalOutbox), from the
-- table of its own that it had before the shared one existed. What was still waiting there is
-- carried over, in the order it was written, to the topic it was bound for (java:/jms/topic/
-- webstore.events, default priority, no delay, no expiry), with its headers and so its message id.
-- A row an old relay was sending at this moment may go out twice with that id; consumers' idempotency
-- absorbs it. A node still running the previous version fails its registrations (503, nothing
-- stored) once the old table is gone: upgrade every node of a cluster in one go.
insert into outbox (message_id, message_type, destination, headers, body, correlation_id, created_at)
select message_id, message_type, 'java:/jms/topic/webstore.events', headers, body, correlation_id, created_at
from outbox_message
order by id
on conflict (message_id) do nothing;

drop table outbox_message;
