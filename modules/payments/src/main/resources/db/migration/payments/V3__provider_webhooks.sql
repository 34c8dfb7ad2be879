-- The payment provider's notifications as received (store and forward): one row per provider event
-- id, written with the outbox row of its ProviderNotification in one transaction before the provider
-- is answered 2xx, so a notification received twice is stored and forwarded once. key_slot says
-- which secret verified it (CURRENT or PREVIOUS, during a rotation); processed_at and outcome are
-- set when Payments applied it.
create table provider_webhook (
    event_id     varchar(100) primary key,
    kind         varchar(20) not null,
    saga_id      uuid not null,
    status       varchar(30) not null,
    key_slot     varchar(10) not null,
    signed_at    timestamp(6) with time zone not null,
    received_at  timestamp(6) with time zone not null,
    body         text not null,
    processed_at timestamp(6) with time zone,
    outcome      varchar(500)
);

-- The command that made an authorisation (and its flow): a settlement that arrives by webhook
-- answers the saga as that command's reply, with the same reply id as the answer to a poll.
alter table authorisation add column command_id uuid;
alter table authorisation add column correlation_id uuid;
