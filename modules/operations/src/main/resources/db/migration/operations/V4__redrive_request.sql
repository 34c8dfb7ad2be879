-- Four-eyes re-drives of stuck order sagas: an operator asks, a different approver decides; an
-- approval writes the RedriveSaga command to Operations' outbox in the same transaction.
create table redrive_request (
    id              uuid primary key,
    saga_id         uuid not null,
    correlation_id  uuid not null,
    action          varchar(30) not null check (action in ('RESEND_PENDING', 'FORCE_COMPENSATION')),
    reason          varchar(1000) not null,
    requested_by    varchar(100) not null,
    requested_at    timestamp(6) with time zone not null,
    status          varchar(10) not null check (status in ('PENDING', 'REJECTED', 'SENT')),
    decided_by      varchar(100),
    decided_at      timestamp(6) with time zone,
    decision        varchar(1000),
    version         bigint not null default 0
);

create index redrive_request_saga_ix on redrive_request (saga_id, requested_at desc);
