-- Issue 21, after review: a finding names as many claims and entries as it has (a hoarder's fifteenth
-- purchase relates fourteen others: 36-character ids overflowed varchar(500) and failed the audit);
-- procedures as many as settlement takes (20 of 30 characters); kept lines with their self-pay and name
-- (backtests judge them as the live audit did); when a claim was kept (backtests read only what was kept
-- before the claim under test); reversals that arrive before their settlement.
alter table violation alter column related type text, alter column rule_id type text;
alter table audited_claim alter column procedure_codes type text, alter column diagnosis_codes type text,
    add column kept_at timestamptz not null default clock_timestamp();
alter table audited_line add column self_pay numeric(14,2) not null default 0, add column item_name varchar(200);
create table audited_reversal (
    settlement_id varchar(64) primary key,
    reversed_at   timestamptz not null default now()
);
