-- Issue 21: what the rule library needs of a kept claim (ClaimSettled v2), its lines, and the
-- reviewers' outcomes that backtesting and each rule's confirmed precision count.
alter table audited_claim
    add column scheme          varchar(10),
    add column person_type     varchar(20),
    add column emergency       boolean      not null default false,
    add column admitted_at     timestamp,                     -- Beijing local time
    add column discharged_at   timestamp,                     -- Beijing local time
    add column procedure_codes varchar(500) not null default '',
    add column doctor_code     varchar(30),
    add column department_code varchar(30),
    add column policy_pack     varchar(100),
    add column fund_paid       numeric(14,2),                 -- total minus cash and personal account
    add column drug_amount     numeric(14,2),
    add column test_lines      integer;
create index audited_claim_institution_date on audited_claim (institution, service_date);
create index audited_claim_service_date on audited_claim (service_date);

-- Each line of a kept claim, as settlement priced it.
create table audited_line (
    settlement_id  varchar(64)   not null references audited_claim (settlement_id),
    line_no        integer       not null,                    -- 1-based, the bill's order
    item_code      varchar(50)   not null,
    category       varchar(12)   not null,
    item_class     varchar(1)    not null,
    quantity       numeric(16,4) not null,
    unit_price     numeric(16,6) not null,
    amount         numeric(14,2) not null,
    days_of_supply integer,
    doctor_code    varchar(30),
    primary key (settlement_id, line_no)
);

-- Where an institution is, for the rule on two places too far apart the same day (optional).
alter table institution
    add column latitude  numeric(9,6),
    add column longitude numeric(9,6);

-- A finding now names the library's entry and its severity; a reviewer confirms or dismisses it.
alter table violation
    add column rule_id     varchar(40),
    add column severity    varchar(10),
    add column service_date date,
    add column review      varchar(10),                       -- CONFIRMED or DISMISSED, null while open
    add column reviewed_by varchar(100),
    add column reviewed_at timestamptz,
    add column review_note varchar(500);
update violation v set service_date = c.service_date from audited_claim c where c.settlement_id = v.settlement_id;
create index violation_rule_date on violation (rule_id, service_date);
