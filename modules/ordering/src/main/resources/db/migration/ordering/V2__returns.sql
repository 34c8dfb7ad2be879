-- A confirmed order can be returned once (issue 12's choreographed return). return_id: the return
-- that Ordering accepted and announced in ReturnRequested; the participants' events name it.
-- return_reason: why a return was rejected (the refund failed).
alter table purchase_order
    add column return_id     uuid constraint purchase_order_return_uk unique,
    add column return_reason varchar(500);
