-- What settlement knows of other services, kept from their events (never read from their databases).

-- From PersonEnrolled / EnrollmentChanged: one row per person and year.
create table enrollment (
    person_id      varchar(18) not null,
    year           integer     not null,
    scheme         varchar(20) not null,
    person_type    varchar(30) not null,
    region_code    varchar(6)  not null,
    status         varchar(20) not null,
    effective_from date        not null,
    updated_at     timestamptz not null default now(),
    primary key (person_id, year)
);

-- From AssistanceIdentityChanged: the person's current merged identity (category null = none).
create table assistance_identity (
    person_id   varchar(18) primary key,
    category    varchar(40),
    valid_from  date,
    valid_to    date,
    updated_at  timestamptz not null default now()
);

-- From InstitutionStatusChanged.
create table institution (
    code        varchar(30)  primary key,
    name        varchar(200) not null,
    region_code varchar(6)   not null,
    kind        varchar(20)  not null,
    level       varchar(20)  not null,
    status      varchar(20)  not null,
    updated_at  timestamptz  not null default now()
);
