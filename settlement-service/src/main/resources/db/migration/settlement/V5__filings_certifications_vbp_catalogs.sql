-- Employee enrollment tier (employer / individual tier 1 or 2); null for residents.
alter table enrollment add column tier varchar(30);

-- From RemoteFilingChanged: one row per filing, kept when cancelled (status says so).
create table remote_filing (
    filing_id         varchar(64) primary key,
    person_id         varchar(18) not null,
    destination_region varchar(6) not null,
    valid_from        date        not null,
    valid_to          date,
    status            varchar(20) not null,
    updated_at        timestamptz not null default now()
);
create index remote_filing_person on remote_filing (person_id);

-- From CertificationChanged: one row per certification, last status wins.
create table certification (
    certification_id varchar(64)  primary key,
    person_id        varchar(18)  not null,
    disease_code     varchar(10)  not null,
    disease_name     varchar(200) not null,
    status           varchar(20)  not null,
    valid_from       date         not null,
    valid_to         date,
    updated_at       timestamptz  not null default now()
);
create index certification_person on certification (person_id);

-- From VbpCatalogPublished: each catalog's latest version and its items. An older version arriving
-- late changes nothing.
create table vbp_catalog (
    catalog_code   varchar(32)  primary key,
    version        integer      not null,
    name           varchar(200) not null,
    region_code    varchar(6)   not null,
    effective_from date         not null,
    updated_at     timestamptz  not null default now()
);
create table vbp_catalog_item (
    catalog_code varchar(32) not null references vbp_catalog (catalog_code) on delete cascade,
    item_code    varchar(40) not null,
    generic_name varchar(200) not null,
    primary key (catalog_code, item_code)
);
create index vbp_catalog_item_code on vbp_catalog_item (item_code);

-- Where the person was treated, seen from the paying region (LOCAL, REMOTE_FILED, REMOTE_UNFILED).
alter table settlement add column treatment_place varchar(20) not null default 'LOCAL';
