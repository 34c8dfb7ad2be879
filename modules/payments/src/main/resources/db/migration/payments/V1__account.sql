-- Each customer's own limit and what is authorised against it, in minor units (cents).
create table account (
    customer_id  uuid primary key,
    credit_limit bigint not null constraint account_limit_ck check (credit_limit >= 0),
    authorised   bigint not null constraint account_authorised_ck check (authorised >= 0),
    currency     char(3) not null
);

-- One authorisation per order saga. state: AUTHORISED (held against the limit), DECLINED (nothing
-- held), VOIDED (released again, or voided before it was made: a later AuthorisePayment of the saga
-- authorises nothing).
create table authorisation (
    saga_id          uuid primary key,
    authorisation_id uuid not null,
    customer_id      uuid,
    amount           bigint not null,
    state            varchar(20) not null,
    reason           varchar(500),
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null
);
