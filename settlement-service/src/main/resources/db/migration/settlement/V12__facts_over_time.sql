-- Facts over time (issue 22): settlement answers "what was true on the service date" for every fact it
-- keeps from other services. Each table holds the periods announced, from a date until the next one.

-- From PersonEnrolled / EnrollmentChanged: one row per person and date the enrollment's facts changed
-- (coverage begins at the first; a period whose status is not ACTIVE is a gap in coverage).
create table enrollment_period (
    person_id   varchar(18) not null,
    year        integer     not null,
    valid_from  date        not null,
    scheme      varchar(20) not null,
    person_type varchar(30) not null,
    tier        varchar(30),
    region_code varchar(6)  not null,
    status      varchar(20) not null,
    updated_at  timestamptz not null default now(),
    primary key (person_id, valid_from),
    check (extract(year from valid_from) = year)
);
insert into enrollment_period (person_id, year, valid_from, scheme, person_type, tier, region_code, status)
select person_id, year, effective_from, scheme, person_type, tier, region_code, status from enrollment;
drop table enrollment;

-- From AssistanceIdentityChanged: the person's identities, each for its period (the latest announcement
-- wins for the dates it covers; a period with no end runs until the next one).
create table assistance_identity_period (
    person_id  varchar(18) not null,
    valid_from date        not null,
    valid_to   date,
    category   varchar(40) not null,
    updated_at timestamptz not null default now(),
    primary key (person_id, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);
insert into assistance_identity_period (person_id, valid_from, valid_to, category)
select person_id, coalesce(valid_from, date '2000-01-01'), valid_to, category from assistance_identity
where category is not null;
drop table assistance_identity;

-- From InstitutionStatusChanged: the agreement's status and the institution's facts from each date they
-- took effect (before the first, the institution was not designated).
create table institution_period (
    code        varchar(30)  not null,
    valid_from  date         not null,
    name        varchar(200) not null,
    region_code varchar(6)   not null,
    kind        varchar(20)  not null,
    level       varchar(20)  not null,
    status      varchar(20)  not null,
    updated_at  timestamptz  not null default now(),
    primary key (code, valid_from)
);
insert into institution_period (code, valid_from, name, region_code, kind, level, status)
select code, date '2000-01-01', name, region_code, kind, level, status from institution;
drop table institution;

-- From CertificationChanged: a certification revoked keeps its days of validity before the revocation
-- (enrollment ends valid_to the day before); an application withdrawn before approval never had any.
alter table certification add column approved boolean not null default false;
update certification set approved = true where status = 'APPROVED';
