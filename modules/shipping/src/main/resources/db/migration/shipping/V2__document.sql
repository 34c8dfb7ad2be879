-- The order's document as Shipping received it by claim check, verified (SHA-256 and size).
alter table shipment
    add column document_sha256 char(64),
    add column document_size   bigint;
