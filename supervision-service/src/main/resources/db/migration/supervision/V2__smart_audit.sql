-- Settled claims kept for the rules that look across claims (readmissions, two places at once).
create table audited_claim (
    settlement_id   varchar(64)  primary key,
    person_id       varchar(18)  not null,
    institution     varchar(30)  not null,
    region_code     varchar(6)   not null,
    visit_type      varchar(30)  not null,
    service_date    date         not null,
    diagnosis_codes varchar(500) not null,
    total           numeric(14,2) not null,
    reversed        boolean      not null default false
);
create index audited_claim_person_date on audited_claim (person_id, service_date);

-- What the smart audit found; one violation per rule and claim.
create table violation (
    violation_id   uuid          primary key,
    rule           varchar(40)   not null,
    settlement_id  varchar(64)   not null,
    related        varchar(500)  not null,        -- the other claims involved, comma-separated
    person_id      varchar(18)   not null,
    institution    varchar(30)   not null,
    amount_at_risk numeric(14,2) not null,
    evidence       text          not null,
    detected_at    timestamptz   not null default now(),
    unique (rule, settlement_id)
);
create index violation_institution on violation (institution, detected_at);
