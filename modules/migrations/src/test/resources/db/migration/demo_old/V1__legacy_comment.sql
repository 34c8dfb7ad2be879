comment on table legacy is 'a table from before the shared outbox';
