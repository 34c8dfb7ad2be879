-- One shipment decision per order saga. state: ARRANGED or FAILED (reason says why).
create table shipment (
    saga_id     uuid primary key,
    shipment_id uuid not null,
    order_id    uuid not null,
    customer_id uuid not null,
    express     boolean not null,
    state       varchar(20) not null,
    reason      varchar(500),
    created_at  timestamp(6) with time zone not null
);

-- Customers the carrier does not deliver to (kept by Shipping; an arrangement for them fails).
create table undeliverable_customer (
    customer_id uuid primary key,
    reason      varchar(500) not null
);
