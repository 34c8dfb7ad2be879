-- The transactional outbox of a context (org.switchboard.messaging.outbox.TransactionalOutbox),
-- created in the context's own schema (Flyway's search path) by SchemaMigrations when the context
-- asks for SharedTable.OUTBOX; its history is kept apart in flyway_outbox_history.
-- A message is written here, fully built and validated, in the same local transaction as the change
-- it belongs to; the relay sends it with the stored headers (a re-send carries the same messageId)
-- to the destination bound at `destination` (JNDI), with its priority, the rest of its delivery
-- delay (deliver_at) and of its time-to-live (expires_at), then deletes it. id orders the rows as
-- they were written; lease_until is set while a relay (on any node) holds a row.
create table outbox (
    id             bigint generated always as identity primary key,
    message_id     uuid not null constraint outbox_message_id_uk unique,
    message_type   varchar(200) not null,
    destination    varchar(300) not null,
    headers        text not null,
    body           text not null,
    correlation_id uuid not null,
    priority       smallint not null default 4 constraint outbox_priority_ck check (priority between 0 and 9),
    deliver_at     timestamp(6) with time zone,
    expires_at     timestamp(6) with time zone,
    created_at     timestamp(6) with time zone not null,
    lease_until    timestamp(6) with time zone
);
