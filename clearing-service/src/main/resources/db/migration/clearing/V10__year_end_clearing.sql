-- The year-end clearing (年终清算): each institution's assessment score (考核得分) of a year, versioned like the budgets,
-- and its clearing statement, prepared by one clearing officer and approved by another, one line per fund.
create table assessment (
    institution_code varchar(32)  not null,
    year             int          not null,
    version          int          not null,
    score            numeric(5,2) not null check (score between 0 and 100),
    set_by           varchar(100) not null,
    set_at           timestamptz  not null,
    primary key (institution_code, year, version)
);

create table year_end_clearing (
    clearing_id      uuid          primary key,
    institution_code varchar(32)   not null,
    region_code      varchar(6)    not null,
    year             int           not null,
    state            varchar(12)   not null,   -- PREPARED, APPROVED, SUPERSEDED
    score            numeric(5,2)  not null,
    paid_now         numeric(14,2) not null,   -- the positive lines' payable: paid with the clearing
    owed_back        numeric(14,2) not null,   -- the negative lines' payable, as a positive amount: recovered later
    prepared_by      varchar(100)  not null,
    prepared_at      timestamptz   not null,
    approved_by      varchar(100),
    approved_at      timestamptz
);
create unique index year_end_clearing_in_force on year_end_clearing (institution_code, year) where state <> 'SUPERSEDED';

create table year_end_line (
    clearing_id    uuid          not null references year_end_clearing,
    fund           varchar(30)   not null,
    budget         numeric(14,2),
    actual         numeric(14,2) not null,
    surplus        numeric(14,2) not null,
    retained       numeric(14,2) not null,
    overspend      numeric(14,2) not null,
    fund_share     numeric(14,2) not null,
    borne          numeric(14,2) not null,
    recognised     numeric(14,2) not null,
    withheld       numeric(14,2) not null,
    deferred       numeric(14,2) not null,
    received       numeric(14,2) not null,
    released_share numeric(5,4)  not null,
    released       numeric(14,2) not null,
    forfeited      numeric(14,2) not null,
    payable        numeric(14,2) not null,
    explanation    text          not null,   -- the steps, one per line
    primary key (clearing_id, fund)
);
