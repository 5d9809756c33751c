-- Persons (参保人员): birth date and gender come from the resident id (GB 11643).
create table person (
    person_id        varchar(18)  primary key,
    name             varchar(100),            -- null for someone known only from an identity feed, until registered
    gender           varchar(6)   not null,
    birth_date       date         not null,
    region_code      varchar(6)   not null,
    household_id     varchar(40),
    residence_permit boolean      not null default false,
    registered_at    timestamptz  not null default now()
);
create index person_region on person (region_code);

-- One basic scheme per person and year: the primary key is the rule 参保唯一.
create table enrollment (
    person_id        varchar(18)   not null references person (person_id),
    year             integer       not null,
    scheme           varchar(20)   not null,
    person_type      varchar(30)   not null,
    tier             varchar(30),
    region_code      varchar(6)    not null,
    status           varchar(20)   not null,
    effective_from   date          not null,
    contribution     numeric(12,2) not null check (contribution >= 0),
    subsidy          numeric(12,2) not null default 0 check (subsidy >= 0 and subsidy <= contribution),
    subsidy_category varchar(40),
    source           varchar(30)   not null,  -- API, IMPORT or ASSISTANCE (enrolled on identification)
    enrolled_at      timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    primary key (person_id, year)
);
create index enrollment_year_region on enrollment (year, region_code, scheme);

-- From AssistanceIdentityChanged: the person's current merged identity (category null = none).
create table assistance_identity (
    person_id   varchar(18) primary key,
    region_code varchar(6),
    category    varchar(40),
    valid_from  date,
    valid_to    date,
    updated_at  timestamptz not null default now()
);

-- Registered (户籍/常住) population by region and year, the denominator of the coverage rate.
create table registered_population (
    region_code varchar(6) not null,
    year        integer    not null,
    population  bigint     not null check (population > 0),
    primary key (region_code, year)
);

-- 异地就医备案: self-service, in force from the day it is made.
create table remote_filing (
    filing_id          uuid         primary key,
    person_id          varchar(18)  not null references person (person_id),
    insured_region     varchar(6)   not null,
    destination_region varchar(6)   not null,
    reason             varchar(200),
    valid_from         date         not null,
    valid_to           date,
    cancelled_at       timestamptz,
    cancel_reason      varchar(200),
    registered_at      timestamptz  not null default now()
);
create index remote_filing_person on remote_filing (person_id);

-- 门诊慢特病认定: applied, decided within ten working days, valid for a period.
create table certification (
    certification_id uuid         primary key,
    person_id        varchar(18)  not null references person (person_id),
    region_code      varchar(6)   not null,
    disease_code     varchar(10)  not null,
    disease_name     varchar(200) not null,
    status           varchar(20)  not null,
    applied_on       date         not null,
    decide_by        date         not null,
    decided_on       date,
    decided_by       varchar(100),
    decision_reason  varchar(500),
    valid_from       date,
    valid_to         date,
    updated_at       timestamptz  not null default now()
);
create index certification_person on certification (person_id);
create index certification_pending on certification (decide_by) where status = 'PENDING';
-- one open application or certification per person and disease
create unique index certification_one_open on certification (person_id, disease_code)
    where status in ('PENDING', 'APPROVED');

-- 医保码 (e-voucher): activation, and short-lived single-use tokens stored only as hashes.
create table evoucher (
    person_id    varchar(18) primary key references person (person_id),
    activated_at timestamptz not null default now()
);
create table evoucher_token (
    token_hash  varchar(64) primary key,
    person_id   varchar(18) not null references evoucher (person_id),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    used_by     varchar(30)
);
