-- The claims a recovery (FundRecoveryOrdered.settlementIds) names: a deduction confirmed on such a claim,
-- before or after the recovery, is given back (the recovery covers the claim; else it is charged twice).
create table recovery_claim (
    case_id          varchar(64) not null,
    institution_code varchar(32) not null,
    settlement_id    varchar(64) not null,
    primary key (case_id, settlement_id)
);
create index recovery_claim_settlement on recovery_claim (institution_code, settlement_id);
