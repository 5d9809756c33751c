-- Designated institutions (定点医药机构) and their agreements with the bureau.
create table institution (
    code            varchar(30)  primary key,
    name            varchar(200) not null,
    region_code     varchar(6)   not null,
    kind            varchar(20)  not null,
    level           varchar(20)  not null,
    chain           varchar(100),            -- a pharmacy chain's name, if any
    status          varchar(20)  not null,
    registered_at   timestamptz  not null default now()
);
create index institution_region on institution (region_code);

-- Every agreement decision, in order: who decided what, from when, and why.
create table agreement_change (
    id              bigserial    primary key,
    institution     varchar(30)  not null references institution (code),
    previous_status varchar(20),
    status          varchar(20)  not null,
    effective_from  date         not null,
    reason          varchar(500) not null,
    decided_by      varchar(100) not null,
    decided_at      timestamptz  not null default now()
);
create index agreement_change_institution on agreement_change (institution, id);
