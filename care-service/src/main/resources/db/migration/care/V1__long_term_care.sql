-- Long-term care insurance (长期护理保险): care-service's own database.

-- Enrollment in basic medical insurance, as enrollment-service announces it (PersonEnrolled,
-- EnrollmentChanged), kept as a history by effective date: a person is enrolled on a date when the
-- latest fact of some scheme and the date's year effective on or before it is ACTIVE.
create table enrollment_fact (
    person_id      varchar(18) not null,
    scheme         varchar(20) not null,
    year           int         not null,
    effective_from date        not null,
    region_code    varchar(6)  not null,
    status         varchar(20) not null,
    stated_at      timestamptz not null,
    primary key (person_id, scheme, year, effective_from)
);

-- Care institutions (护理服务机构) and the settings they provide.
create table care_institution (
    institution_code     varchar(32) primary key,
    name                 varchar(200) not null,
    region_code          varchar(6)   not null,
    provides_home        boolean      not null,
    provides_institution boolean      not null,
    registered_by        varchar(100) not null,
    registered_at        timestamptz  not null default now()
);

-- Applications (申请) and their disability assessment (失能评估) and decision.
create table care_application (
    application_id   uuid primary key,
    person_id        varchar(18)  not null,
    region_code      varchar(6)   not null,
    kind             varchar(20)  not null,
    setting          varchar(20)  not null,
    institution_code varchar(32) references care_institution,
    applied_on       date         not null,
    status           varchar(20)  not null,
    filed_by         varchar(100) not null,
    benefit_id       uuid,
    scale            varchar(40),
    total_score      int,
    assessed_level   varchar(10),
    assessed_on      date,
    assessed_by      varchar(100),
    decided_on       date,
    decided_by       varchar(100),
    decision_reason  varchar(500),
    created_at       timestamptz  not null default now()
);
-- one open application per person at a time: a second is refused (409)
create unique index care_application_one_open on care_application (person_id) where status in ('OPEN', 'ASSESSED');
create index care_application_assessed_on on care_application (assessed_on);

-- each item's score of an assessment
create table assessment_score (
    application_id uuid        not null references care_application,
    item           varchar(40) not null,
    score          int         not null,
    primary key (application_id, item)
);

-- Beneficiaries (享受待遇人员): the benefit's validity, setting and institution, ended early by death
-- or the end of enrollment.
create table care_benefit (
    benefit_id       uuid primary key,
    person_id        varchar(18)  not null,
    region_code      varchar(6)   not null,
    setting          varchar(20)  not null,
    institution_code varchar(32) references care_institution,
    valid_from       date         not null,
    valid_to         date         not null,
    reassess_on      date         not null,
    ended_on         date,
    end_reason       varchar(200),
    application_id   uuid         not null references care_application
);
create index care_benefit_person on care_benefit (person_id);
create index care_benefit_institution on care_benefit (institution_code);

-- the care level from a date: the first assessment's, then each reassessment's from its date
create table care_benefit_level (
    benefit_id     uuid        not null references care_benefit,
    level_from     date        not null,
    level          varchar(10) not null,
    application_id uuid        not null references care_application,
    primary key (benefit_id, level_from)
);

-- Care institutions' monthly bills (护理费用月结): one per institution and month.
create table care_bill (
    bill_id          uuid primary key,
    institution_code varchar(32)   not null references care_institution,
    month            date          not null,
    submitted_by     varchar(100)  not null,
    submitted_at     timestamptz   not null,
    standard_amount  numeric(14,2) not null,
    fund_paid        numeric(14,2) not null,
    person_share     numeric(14,2) not null,
    unique (institution_code, month)
);

-- Home-care monthly payment runs: one per month (a repeated run changes nothing).
create table home_care_run (
    month    date primary key,
    run_by   varchar(100) not null,
    run_at   timestamptz  not null
);

-- Every payment of the fund: a bill's line or a home-care payment; a benefit is paid once per month
-- and setting.
create table care_payment (
    payment_id       uuid primary key,
    benefit_id       uuid          not null references care_benefit,
    person_id        varchar(18)   not null,
    region_code      varchar(6)    not null,
    setting          varchar(20)   not null,
    institution_code varchar(32),
    month            date          not null,
    bill_id          uuid references care_bill,
    standard_amount  numeric(14,2) not null,
    fund_paid        numeric(14,2) not null,
    person_share     numeric(14,2) not null,
    paid_at          timestamptz   not null,
    unique (benefit_id, month, setting)
);
create index care_payment_month on care_payment (month);
create index care_payment_bill on care_payment (bill_id);

create table care_payment_period (
    payment_id uuid          not null references care_payment,
    first_day  date          not null,
    last_day   date          not null,
    level      varchar(10)   not null,
    days       int           not null,
    amount     numeric(14,2) not null,
    primary key (payment_id, first_day)
);
