-- Marketing's own copy of the people it may contact; one per Web Store customer.
create table contact (
    id                uuid primary key,
    customer_id       uuid not null constraint contact_customer_uk unique,
    email             varchar(254) not null,
    full_name         varchar(200) not null,
    customer_since    timestamp(6) with time zone not null,
    created_at        timestamp(6) with time zone not null,
    correlation_id    uuid not null,
    source_message_id uuid not null
);

create index contact_created_at_ix on contact (created_at desc);

-- Idempotent consumer: one row per message Marketing has processed, written in the same
-- transaction as its effect (see org.switchboard.messaging.IdempotentConsumer).
create table processed_message (
    message_id     uuid primary key,
    message_type   varchar(200) not null,
    correlation_id uuid not null,
    processed_at   timestamp(6) with time zone not null
);
