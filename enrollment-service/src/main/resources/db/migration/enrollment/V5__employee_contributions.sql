-- Issue 22: employee contributions. An employee's monthly wage base (缴费基数) over time, registered with the
-- enrollment and changed from a date like the enrollment's other facts; and the monthly posting of contributions
-- (缴费到账), one row per person and month — the key makes posting a month twice change nothing.
create table wage_base (
    person_id   varchar(18)   not null,
    year        integer       not null,
    valid_from  date          not null,
    wage_base   numeric(12,2) not null check (wage_base > 0),
    recorded_at timestamptz   not null default now(),
    primary key (person_id, year, valid_from),
    check (extract(year from valid_from) = year)
);

create table contribution_posting (
    person_id               varchar(18)   not null,
    month                   varchar(7)    not null,   -- yyyy-MM
    region_code             varchar(6)    not null,
    scheme                  varchar(20)   not null,
    person_type             varchar(30)   not null,
    wage_base               numeric(12,2),
    employer_contribution   numeric(12,2) not null check (employer_contribution >= 0),
    individual_contribution numeric(12,2) not null check (individual_contribution >= 0),
    account_allocation      numeric(12,2) not null check (account_allocation >= 0),
    resident_contribution   numeric(12,2) not null check (resident_contribution >= 0),
    premium_subsidy         numeric(12,2) not null check (premium_subsidy >= 0),
    fiscal_subsidy          numeric(12,2) not null check (fiscal_subsidy >= 0),
    rate_policy             varchar(100)  not null,
    posted_by               varchar(100)  not null,
    posted_at               timestamptz   not null default now(),
    primary key (person_id, month)
);
create index contribution_posting_month on contribution_posting (month, scheme);
