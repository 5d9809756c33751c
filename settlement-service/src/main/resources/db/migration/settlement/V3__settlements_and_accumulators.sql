-- A settlement (结算) and its one-stop bill; its accumulator delta is kept so a reversal undoes it exactly.
create table settlement (
    id                uuid         primary key,
    idempotency_key   varchar(100) not null unique,
    request_hash      varchar(64)  not null,
    person_id         varchar(18)  not null,
    institution_code  varchar(30)  not null,
    region_code       varchar(6)   not null,
    scheme            varchar(20)  not null,
    visit_type        varchar(30)  not null,
    year              integer      not null,
    service_date      date         not null,
    diagnosis_codes   varchar(500),
    policy_pack       varchar(100) not null,
    total             numeric(14, 2) not null,
    full_self_pay     numeric(14, 2) not null,
    prior_self_pay    numeric(14, 2) not null,
    policy_scope      numeric(14, 2) not null,
    deductible        numeric(14, 2) not null,
    basic_fund        numeric(14, 2) not null,
    catastrophic      numeric(14, 2) not null,
    supplementary     numeric(14, 2) not null,
    assistance        numeric(14, 2) not null,
    personal_account  numeric(14, 2) not null,
    cash              numeric(14, 2) not null,
    lines             jsonb        not null,
    accumulator_delta jsonb        not null,
    settled_at        timestamptz  not null,
    reversal_id       uuid,
    reversed_at       timestamptz,
    reversal_reason   varchar(500),
    constraint settlement_adds_up check (
        total = basic_fund + catastrophic + supplementary + assistance + personal_account + cash)
);

create index settlement_person_year on settlement (person_id, year);

-- Per person, scheme and year; changed only by settlement and reversal, under a row lock.
create table accumulator (
    person_id             varchar(18) not null,
    scheme                varchar(20) not null,
    year                  integer     not null,
    deductible_used       jsonb       not null default '{}',
    fund_paid             jsonb       not null default '{}',
    policy_scope_self_pay numeric(14, 2) not null default 0,
    catastrophic_paid     numeric(14, 2) not null default 0,
    supplementary_base    numeric(14, 2) not null default 0,
    supplementary_paid    numeric(14, 2) not null default 0,
    assistance_paid       numeric(14, 2) not null default 0,
    updated_at            timestamptz not null default now(),
    primary key (person_id, scheme, year)
);
