-- One row per flow a registration started (ADR 0011): a correlation id starts one flow only, so a
-- caller's X-Correlation-ID cannot join another customer's journey. A second registration with an
-- id already here is refused; concurrent ones wait on this primary key, and the later one is
-- refused once the first commits. Existing customers' ids are taken over (the oldest customer of an
-- id that was, before this, used twice keeps it).
create table flow (
    correlation_id uuid primary key,
    customer_id    uuid not null,
    started_at     timestamp(6) with time zone not null
);

insert into flow (correlation_id, customer_id, started_at)
select distinct on (correlation_id) correlation_id, id, registered_at
from customer
order by correlation_id, registered_at, id;
