-- A partner's webhook endpoint. secret: the partner's shared secret for the HMAC signature (stored
-- as given: the relay needs it to sign; the API never shows it again). state: ACTIVE, or DISABLED
-- after disable-after consecutive failed attempts (or by nobody else: only an operator enables it).
create table endpoint (
    id                   uuid primary key,
    partner              varchar(100) not null,
    url                  varchar(2000) not null,
    secret               varchar(200) not null,
    state                varchar(20) not null,
    consecutive_failures integer not null,
    disabled_reason      varchar(500),
    created_at           timestamp(6) with time zone not null,
    updated_at           timestamp(6) with time zone not null
);

-- The event types an endpoint subscribed to (order.confirmed, order.cancelled).
create table endpoint_event (
    endpoint_id uuid not null references endpoint (id),
    event_type  varchar(50) not null,
    primary key (endpoint_id, event_type)
);

-- The outbox of webhook deliveries: one row per event and subscribed endpoint, written in the
-- transaction that consumes the event. correlation_id: the event's flow (the order's), for the logs. state: PENDING until the relay delivers it (DELIVERED) or
-- gives up after max-attempts (FAILED; an operator may replay it, back to PENDING). lease_until: a
-- relay holds the row until then (a crashed node's rows come back when it passes).
create table delivery (
    id              bigint generated always as identity primary key,
    endpoint_id     uuid not null references endpoint (id),
    event_id        uuid not null,
    correlation_id  uuid not null,
    event_type      varchar(50) not null,
    occurred_at     timestamp(6) with time zone not null,
    body            text not null,
    state           varchar(20) not null,
    attempts        integer not null,
    next_attempt_at timestamp(6) with time zone not null,
    lease_until     timestamp(6) with time zone,
    last_error      varchar(500),
    created_at      timestamp(6) with time zone not null,
    delivered_at    timestamp(6) with time zone,
    constraint delivery_event_uk unique (endpoint_id, event_id)
);

create index delivery_due_ix on delivery (next_attempt_at, id) where state = 'PENDING';
