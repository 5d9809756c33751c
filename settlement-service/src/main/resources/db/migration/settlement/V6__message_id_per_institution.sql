-- A message id is the idempotency key of one institution's settlement: two hospitals may use the same id,
-- and neither can take (or learn of) the other's by sending it first.
alter table settlement drop constraint settlement_idempotency_key_key;
alter table settlement add constraint settlement_institution_message unique (institution_code, idempotency_key);
