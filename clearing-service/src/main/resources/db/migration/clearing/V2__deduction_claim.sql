-- The claim a deduction was confirmed on (ViolationReviewed.settlementId): when that claim is reversed in full,
-- the fund pays nothing for it any more and the deduction is given back (else the institution lost it twice).
alter table deduction add column settlement_id varchar(64);
create index deduction_settlement on deduction (settlement_id) where settlement_id is not null;
