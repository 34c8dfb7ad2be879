-- The claim store: large payloads that messages refer to instead of carrying them (claim check).
-- It belongs to no context: contexts reach it only through org.switchboard.messaging.claims.ClaimCheck
-- and hand each other references (id, SHA-256, size), never rows. See docs/adr/0013-claim-check.md.
create table claim (
    id         uuid primary key,
    sha256     char(64) not null,
    size       bigint not null constraint claim_size_ck check (size >= 0),
    media_type varchar(200) not null,
    content    bytea not null,
    created_at timestamp(6) with time zone not null,
    -- When the retention ends for a claim no saga deletes first (an upload never ordered, say).
    expires_at timestamp(6) with time zone not null
);

create index claim_expires_at_ix on claim (expires_at);
