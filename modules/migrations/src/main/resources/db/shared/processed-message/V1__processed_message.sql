-- Idempotent consumer (org.switchboard.messaging.IdempotentConsumer): one row per message a context
-- has processed, written in the same local transaction as its effect. Created in the context's own
-- schema by SchemaMigrations when the context asks for SharedTable.PROCESSED_MESSAGE; its history
-- is kept apart in flyway_processed_message_history.
create table processed_message (
    message_id     uuid primary key,
    message_type   varchar(200) not null,
    correlation_id uuid not null,
    processed_at   timestamp(6) with time zone not null
);
