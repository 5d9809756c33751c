-- The catalog (医保目录) has a life of its own (issue 20): an item's entry holds from a date until a
-- date, and a later entry of the same code replaces it from its own begin date; a bill is priced by
-- the entries in force on its service date, and a settled bill keeps the lines it was priced with.
-- Every entry says its own prior self-pay ratio where the national catalog states one
-- (selfpay_prop, which replaces the pack's class-乙 ratio), its price ceilings by institution level
-- where they differ, and its restricted-payment conditions (限定支付范围).
alter table catalog_item drop constraint catalog_item_pkey;
alter table catalog_item alter column code type varchar(50);            -- med_list_codg is 50 characters
alter table catalog_item add column valid_from date not null default date '2000-01-01';
alter table catalog_item add column valid_to date;
alter table catalog_item add column selfpay_prop numeric(5, 4) check (selfpay_prop is null or selfpay_prop between 0 and 1);
alter table catalog_item add primary key (code, valid_from);
alter table catalog_item add constraint catalog_item_period check (valid_to is null or valid_to >= valid_from);

-- A ceiling at an institution level that differs from the entry's general one.
create table catalog_level_ceiling (
    code          varchar(50)    not null,
    valid_from    date           not null,
    level         varchar(20)    not null check (level in ('COMMUNITY', 'LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'UNGRADED')),
    price_ceiling numeric(14, 2) not null check (price_ceiling > 0),
    primary key (code, valid_from, level),
    foreign key (code, valid_from) references catalog_item (code, valid_from) on delete cascade
);

-- A restricted-payment condition: the fund pays the item only when it holds, else the line is self-paid
-- naming it. kind and its parameter: DIAGNOSES (ICD-10 prefixes, comma-separated), MIN_LEVEL (a level),
-- RETIREES_ONLY, INPATIENT_ONLY, MAX_DAYS_SUPPLY ("units a day,days": at most their product on one bill).
create table catalog_restriction (
    code        varchar(50)  not null,
    valid_from  date         not null,
    kind        varchar(20)  not null check (kind in ('DIAGNOSES', 'MIN_LEVEL', 'RETIREES_ONLY', 'INPATIENT_ONLY', 'MAX_DAYS_SUPPLY')),
    parameter   varchar(200),
    description varchar(200) not null,
    primary key (code, valid_from, kind),
    foreign key (code, valid_from) references catalog_item (code, valid_from) on delete cascade,
    -- a condition settlement cannot read is refused when written, never at a hospital's bill
    check (case kind
        when 'DIAGNOSES' then parameter ~ '^ *[A-Za-z][0-9]{2}[0-9A-Za-z.]* *(, *[A-Za-z][0-9]{2}[0-9A-Za-z.]* *)*$'
        when 'MIN_LEVEL' then parameter in ('COMMUNITY', 'LEVEL_1', 'LEVEL_2', 'LEVEL_3')
        when 'MAX_DAYS_SUPPLY' then parameter ~ '^ *[0-9]+(\.[0-9]+)? *, *[0-9]+ *$'
            and split_part(parameter, ',', 1)::numeric > 0 and split_part(parameter, ',', 2)::numeric > 0
        else parameter is null end)
);
