-- An order's optional document, by claim check: the reference to it in the claim store (schema
-- claims), deleted there when the order's saga ends.
alter table purchase_order
    add column attachment_claim_id   uuid,
    add column attachment_sha256     char(64),
    add column attachment_size       bigint,
    add column attachment_media_type varchar(200);
