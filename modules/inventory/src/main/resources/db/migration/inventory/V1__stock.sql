-- Inventory's stock per SKU and one reservation per order saga (its lines in reservation_line).
create table stock (
    sku       varchar(64) primary key,
    available integer not null constraint stock_available_ck check (available >= 0)
);

-- state: RESERVED (lines taken from stock), REFUSED (nothing taken; reason says why), RELEASED
-- (put back, or released before it was ever made: a later ReserveStock of the saga reserves nothing).
create table reservation (
    saga_id    uuid primary key,
    state      varchar(20) not null,
    reason     varchar(500),
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null
);

create table reservation_line (
    saga_id  uuid not null references reservation (saga_id),
    sku      varchar(64) not null,
    quantity integer not null,
    primary key (saga_id, sku)
);

-- Demo stock for the run command; tests create their own SKUs.
insert into stock (sku, available) values ('TEA-EARLGREY-250', 100), ('TEA-SENCHA-100', 50), ('MUG-STONE-350', 20);
