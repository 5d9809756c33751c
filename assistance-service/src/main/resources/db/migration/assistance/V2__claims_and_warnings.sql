-- Settled claims as ClaimSettled / ClaimReversed told them, with the person's assistance category at
-- the time (from the merged identity), for tracking, reports and warnings.
create table claim (
    settlement_id    varchar(64)   primary key,
    person_id        varchar(18)   not null,
    region_code      varchar(6)    not null,
    year             integer       not null,
    category         varchar(40),
    total            numeric(14,2) not null,
    policy_scope     numeric(14,2) not null,
    basic_fund       numeric(14,2) not null,
    catastrophic     numeric(14,2) not null,
    supplementary    numeric(14,2) not null,
    assistance       numeric(14,2) not null,
    personal_account numeric(14,2) not null,
    cash             numeric(14,2) not null,
    settled_at       timestamptz   not null,
    reversed_at      timestamptz
);
create index claim_person_year on claim (person_id, year);
create index claim_year_category on claim (year, category);

-- Each person's year so far (reversals subtract what their settlement added).
create table person_year (
    person_id        varchar(18)   not null,
    year             integer       not null,
    region_code      varchar(6)    not null,
    total            numeric(14,2) not null default 0,
    assistance       numeric(14,2) not null default 0,
    personal_payment numeric(14,2) not null default 0,
    primary key (person_id, year)
);

-- Household income where known (from civil affairs or rural revitalization), for the income-share threshold.
create table household_income (
    person_id varchar(18)   not null,
    year      integer       not null,
    income    numeric(14,2) not null check (income > 0),
    primary key (person_id, year)
);

-- One warning per person, year and kind of risk; the feedback of the rural-revitalization department.
create table poverty_warning (
    person_id        varchar(18)   not null,
    year             integer       not null,
    risk             varchar(20)   not null,
    region_code      varchar(6)    not null,
    category         varchar(40),
    personal_payment numeric(14,2) not null,
    threshold        numeric(14,2) not null,
    basis            varchar(20)   not null,
    flagged_at       timestamptz   not null default now(),
    feedback         varchar(20),            -- CONFIRMED or REJECTED
    feedback_at      timestamptz,
    primary key (person_id, year, risk)
);
create index poverty_warning_flagged on poverty_warning (flagged_at);
