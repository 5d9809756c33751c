-- Supervision's copy of the reimbursement catalog (医保目录) that settlement owns and publishes as
-- CatalogChanged on settlement.catalog (issue 20): per item code and begin date, the entry of the highest
-- version (ver) seen. A removed entry stays as a tombstone (removed, with the version of its removal) so
-- that an older part delivered late cannot bring it back. Only what supervision uses is kept: the class
-- and name, the price ceilings (smart audit) and the restricted-payment conditions (pre-check).
create table national_catalog_entry (
    code          varchar(50)    not null,
    valid_from    date           not null,
    ver           bigint         not null,
    removed       boolean        not null,
    name          text,
    item_class    varchar(1)     check (item_class in ('A', 'B', 'C')),
    valid_to      date,                      -- inclusive; null: open-ended
    price_ceiling numeric(14, 2),            -- yuan per unit (最高限价); null: none
    primary key (code, valid_from)
);

-- A ceiling at an institution level where it differs from the entry's general one (yuan per unit).
create table national_catalog_level_ceiling (
    code          varchar(50)    not null,
    valid_from    date           not null,
    level         varchar(20)    not null,
    price_ceiling numeric(14, 2) not null,
    primary key (code, valid_from, level),
    foreign key (code, valid_from) references national_catalog_entry (code, valid_from) on delete cascade
);

-- A restricted-payment condition (限定支付范围), in the entry's order: kind DIAGNOSES (parameter: ICD-10
-- prefixes, comma-separated), MIN_LEVEL, RETIREES_ONLY, INPATIENT_ONLY or MAX_DAYS_SUPPLY.
create table national_catalog_restriction (
    code          varchar(50)    not null,
    valid_from    date           not null,
    position      integer        not null,
    kind          varchar(30)    not null,
    parameter     text,
    description   text           not null,
    primary key (code, valid_from, position),
    foreign key (code, valid_from) references national_catalog_entry (code, valid_from) on delete cascade
);
