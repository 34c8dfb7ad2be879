-- What Inventory did for one return: at most one restock per return and per order. state:
-- RESTOCKED (the lines are back in stock), REVERSED (taken back out because the refund failed, or
-- reversed before it was made: a later ReturnRequested of that return restocks nothing).
create table restock (
    return_id  uuid primary key,
    order_id   uuid not null constraint restock_order_uk unique,
    state      varchar(20) not null,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null
);

create table restock_line (
    return_id uuid not null references restock (return_id),
    sku       varchar(64) not null,
    quantity  integer not null,
    primary key (return_id, sku)
);
