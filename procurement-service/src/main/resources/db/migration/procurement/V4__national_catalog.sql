-- Procurement's copy of the reimbursement catalog (医保目录) that settlement owns and publishes as
-- CatalogChanged on settlement.catalog (issue 20): per item code and begin date, the entry of the highest
-- version (ver) seen. A removed entry stays as a tombstone (removed, with the version of its removal) so
-- that an older part delivered late cannot bring it back. Only what procurement uses is kept: whether the
-- catalog lists a code on a day (a recommended catalog's items must be listed), its class and name.
create table national_catalog_entry (
    code        varchar(50) not null,
    valid_from  date        not null,
    ver         bigint      not null,
    removed     boolean     not null,
    name        text,
    item_class  varchar(1)  check (item_class in ('A', 'B', 'C')),
    valid_to    date,                      -- inclusive; null: open-ended
    primary key (code, valid_from)
);
