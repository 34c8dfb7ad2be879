-- The outcome of a registration made with an Idempotency-Key, written in the same local
-- transaction as the customer and its outbox row. A retry with the same key and the same request
-- (request_hash: SHA-256 of the normalized registration) gets this outcome again; a different
-- request under the same key is refused. Rows older than the retention (24 h) are deleted.
-- No foreign key to customer: the key row is written first, so that a concurrent request with the
-- same key waits on this primary key rather than on the customer's e-mail address.
create table idempotency_key (
    idempotency_key varchar(200) primary key,
    request_hash    char(64) not null,
    customer_id     uuid not null,
    correlation_id  uuid not null,
    created_at      timestamp(6) with time zone not null
);

create index idempotency_key_created_at_ix on idempotency_key (created_at);
