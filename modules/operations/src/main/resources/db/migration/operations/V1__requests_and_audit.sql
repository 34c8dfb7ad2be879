-- Four-eyes actions on dead letters: an operator asks, a different approver decides.
create table action_request (
    id             uuid primary key,
    action         varchar(10) not null check (action in ('REPLAY', 'DELETE')),
    queue          varchar(255) not null,
    message_ids    text not null,          -- JMS message ids, one per line
    reason         varchar(1000) not null,
    requested_by   varchar(100) not null,
    requested_at   timestamp(6) with time zone not null,
    dry_run        text not null,          -- what the dry run found, one line per message
    status         varchar(10) not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'DONE', 'FAILED')),
    decided_by     varchar(100),
    decided_at     timestamp(6) with time zone,
    decision       varchar(1000),
    outcome        text,
    version        bigint not null default 0
);

-- Who did what, when and why: every request, approval, rejection, replay and deletion.
create table audit_entry (
    id          bigserial primary key,
    at          timestamp(6) with time zone not null,
    actor       varchar(100) not null,
    action      varchar(30) not null,
    request_id  uuid,
    queue       varchar(255),
    message_id  varchar(100),
    detail      varchar(2000)
);

create index audit_entry_at_ix on audit_entry (at desc);
