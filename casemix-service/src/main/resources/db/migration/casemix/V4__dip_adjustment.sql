-- What DIP changed of the funds' item-by-item payments, as announced to the fund clearing (DipPaymentAdjusted): per table,
-- basis, institution, discharge month and scheme, the adjustment in force and how many announcements made it.
alter table dip_case_payment add column scheme varchar(20) not null default 'RESIDENT';

create table dip_adjustment (
    table_id         varchar(64)   not null,
    basis            varchar(12)   not null,
    institution_code varchar(32)   not null,
    period           char(7)       not null,
    scheme           varchar(20)   not null,
    announced        numeric(14,2) not null,
    stays            int           not null,
    announcements    int           not null,
    primary key (table_id, basis, institution_code, period, scheme)
);
