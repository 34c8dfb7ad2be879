-- Ordering's own copy of the Web Store's customers, from CustomerRegistered (event-carried state).
create table customer (
    customer_id       uuid primary key,
    email             varchar(254) not null,
    display_name      varchar(201) not null,
    registered_at     timestamp(6) with time zone not null,
    source_message_id uuid not null
);

-- Ordering's price list (minor units). Demo products; tests add their own.
create table product (
    sku        varchar(64) primary key,
    unit_price bigint not null constraint product_price_ck check (unit_price > 0),
    currency   char(3) not null
);
insert into product (sku, unit_price, currency) values
    ('TEA-EARLGREY-250', 990, 'EUR'), ('TEA-SENCHA-100', 1450, 'EUR'), ('MUG-STONE-350', 1800, 'EUR');

-- state: PENDING until its saga ends, then CONFIRMED or CANCELLED. idempotency_key: the client's
-- Idempotency-Key, with the fingerprint of the request it came with.
create table purchase_order (
    id                  uuid primary key,
    customer_id         uuid not null references customer (customer_id),
    express             boolean not null,
    state               varchar(20) not null,
    total               bigint not null,
    currency            char(3) not null,
    correlation_id      uuid not null,
    idempotency_key     varchar(200) constraint purchase_order_idempotency_key_uk unique,
    request_fingerprint varchar(64),
    created_at          timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null
);

create table order_line (
    order_id   uuid not null references purchase_order (id),
    line_no    integer not null,
    sku        varchar(64) not null,
    quantity   integer not null,
    unit_price bigint not null,
    primary key (order_id, line_no)
);

-- The orchestrating saga of an order. version: optimistic locking, so concurrent replies change
-- the state once. attempt: which attempt of the current step (a timeout of another attempt is
-- late). deadline: when the current step times out.
create table saga (
    id               uuid primary key,
    order_id         uuid not null constraint saga_order_uk unique references purchase_order (id),
    state            varchar(30) not null,
    version          bigint not null,
    attempt          integer not null,
    deadline         timestamp(6) with time zone,
    authorisation_id uuid,
    shipment_id      uuid,
    reason           varchar(500),
    started_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null
);

create index saga_state_ix on saga (state, deadline);

-- What happened to a saga, step by step (shown with the order).
create table saga_step (
    id       bigint generated always as identity primary key,
    saga_id  uuid not null references saga (id),
    at       timestamp(6) with time zone not null,
    state    varchar(30) not null,
    note     varchar(600) not null
);

create index saga_step_saga_ix on saga_step (saga_id, id);
