-- The transactional outbox: CustomerRegistered is written here, fully built and validated, in the
-- same local transaction as the customer. OutboxRelay publishes each row to topic webstore.events
-- with the stored headers (so a re-publish carries the same messageId) and then deletes it.
-- id orders the rows as they were written; lease_until is set while a relay (on any node) holds
-- a row, so that it does not need a database transaction open while it sends.
create table outbox_message (
    id             bigint generated always as identity primary key,
    message_id     uuid not null constraint outbox_message_message_id_uk unique,
    message_type   varchar(200) not null,
    headers        text not null,
    body           text not null,
    correlation_id uuid not null,
    created_at     timestamp(6) with time zone not null,
    lease_until    timestamp(6) with time zone
);
