-- A return is refunded against the order's authorisation, so an authorisation knows its order
-- (null for those made before this version: their orders cannot be refunded, and the refund fails).
alter table authorisation add column order_id uuid constraint authorisation_order_uk unique;

-- What Payments decided for one return: at most one per return and per order. outcome: REFUNDED
-- (amount given back against the customer's limit) or REFUSED (nothing given back; reason says why).
create table refund (
    return_id  uuid primary key,
    order_id   uuid not null constraint refund_order_uk unique,
    outcome    varchar(20) not null,
    amount     bigint not null,
    reason     varchar(500),
    created_at timestamp(6) with time zone not null
);

-- Customers whose refunds are on hold (a chargeback under dispute, say): a return of their order
-- is refused, and its restock is reversed.
create table refund_hold (
    customer_id uuid primary key,
    reason      varchar(500) not null
);
