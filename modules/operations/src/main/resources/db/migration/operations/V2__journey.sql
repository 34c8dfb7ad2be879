-- Journey notes: one row per committed delivery of a message, written from the MessageHandled notes
-- every message-driven bean sends to queue ops.journey. Ids, places and times only, never a body.
create table journey_step (
    note_id         uuid primary key,      -- the note's messageId: a redelivered note is recorded once
    correlation_id  uuid not null,
    message_id      uuid not null,         -- the handled message's messageId
    message_type    varchar(200),
    schema_version  integer,
    caused_by       uuid,                  -- the handled message's causationId
    destination     varchar(200) not null,
    subscription    varchar(200),
    context         varchar(100) not null,
    consumer        varchar(200) not null,
    sent_at         timestamp(6) with time zone,
    handled_at      timestamp(6) with time zone not null,
    delivery_count  integer not null,
    outcome         varchar(20) not null check (outcome in ('PROCESSED', 'DUPLICATE', 'DEAD_LETTERED')),
    reason          varchar(100),
    recorded_at     timestamp(6) with time zone not null default now()
);

create index journey_step_by_flow on journey_step (correlation_id, handled_at);
create index journey_step_by_age on journey_step (recorded_at);
