-- Web Store customers. E-mail is stored normalized (trimmed, lower case) and is unique.
create table customer (
    id             uuid primary key,
    email          varchar(254) not null constraint customer_email_uk unique,
    full_name      varchar(200) not null,
    registered_at  timestamp(6) with time zone not null,
    correlation_id uuid not null,
    version        bigint not null default 0
);

create index customer_registered_at_ix on customer (registered_at desc);
