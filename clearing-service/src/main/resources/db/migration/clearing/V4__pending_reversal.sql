-- A reversal negates the stored SETTLED rows of its settlement, never the amounts it carries itself. A
-- reversal arriving before its settlement (another partition, a redelivery order) is parked here and
-- applied, in the period of its reversedAt, when the settlement arrives; then its row is deleted.
create table pending_reversal (
    reversal_id      varchar(64)  primary key,
    settlement_id    varchar(64)  not null,
    institution_code varchar(32)  not null,
    region_code      varchar(6)   not null,
    reversed_at      timestamptz  not null,
    recorded_at      timestamptz  not null default now()
);
create index pending_reversal_settlement on pending_reversal (settlement_id);
