-- Paying inpatient care by group (DIP/DRG): casemix-service's own database.

-- The inpatient stays settled (from settlement's ClaimSettled / ClaimReversed, visit type INPATIENT): what quality
-- control compares a settlement list with, and what a DIP price starts from. Amounts in yuan.
create table inpatient_case (
    settlement_id    varchar(64)   primary key,
    institution_code varchar(32)   not null,
    person_id        varchar(18)   not null,
    sex              char(1)       not null,   -- F or M, from the resident id
    birth_date       date          not null,   -- from the resident id
    scheme           varchar(20)   not null,
    admitted_at      timestamp,                -- Beijing local time; null from a v1 event
    discharged_at    timestamp,
    service_date     date          not null,
    total            numeric(14,2) not null,
    basic_fund       numeric(14,2) not null,   -- the basic pooling fund's share, item by item
    others_paid      numeric(14,2) not null,   -- the person's cash and account, and the other funds
    settled_at       timestamptz   not null,
    reversed         boolean       not null default false
);
create index inpatient_case_institution on inpatient_case (institution_code, service_date);

-- Each institution's own region and level (supervision's InstitutionStatusChanged): its DIP rules and coefficient.
create table institution (
    institution_code varchar(32) primary key,
    region_code      varchar(6)  not null,
    level            varchar(20),
    changed_at       timestamptz not null
);

-- The settlement lists (医保结算清单) the hospitals upload, one per inpatient settlement; a corrected list replaces it
-- (version + 1). state: UNCHECKED (未质控: its settlement not known yet), INCOMPLETE (质控未完成: findings), PASSED (质控完成).
create table settlement_list (
    settlement_id        varchar(64)   primary key,
    institution_code     varchar(32)   not null,
    version              int           not null,
    admission_date       date          not null,
    discharge_date       date          not null,
    main_diagnosis       varchar(16)   not null,
    secondary_diagnoses  text          not null,   -- JSON array of codes
    procedures           text          not null,   -- JSON array of {code, date, main}
    fees                 text          not null,   -- JSON array of {category, amount}
    fee_total            numeric(14,2) not null,
    ventilator_hours     int           not null,
    newborn_weights      text          not null,   -- JSON array of grams
    department           varchar(32),
    state                varchar(12)   not null,
    findings             text          not null,   -- JSON array of {field, reason}
    uploaded_by          varchar(100)  not null,
    uploaded_at          timestamptz   not null,
    checked_at           timestamptz
);
create index settlement_list_institution on settlement_list (institution_code, discharge_date);

-- DIP tables (病种分值表) built from a region's history, versioned by id; their groups.
create table dip_table (
    table_id        varchar(64)   primary key,
    region_code     varchar(6)    not null,
    year            int           not null,
    basis_from      date          not null,
    basis_to        date          not null,
    cases           int           not null,
    overall_mean    numeric(14,2) not null,
    point_scale     numeric(12,4) not null,
    min_cases       int           not null,
    built_by        varchar(100)  not null,
    built_at        timestamptz   not null
);

create table dip_group (
    table_id   varchar(64)   not null references dip_table,
    group_code varchar(64)   not null,
    category   varchar(8),
    procedure  varchar(16),
    kind       varchar(16)   not null,
    cases      int           not null,
    mean_cost  numeric(14,2) not null,
    points     numeric(12,4) not null,
    primary key (table_id, group_code)
);
