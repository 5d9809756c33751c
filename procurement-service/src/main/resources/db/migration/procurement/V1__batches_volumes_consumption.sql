-- Volume-based procurement batches (带量采购) and their selected products.
create table batch (
    batch_id      varchar(40)  primary key,
    name          varchar(200) not null,
    level         varchar(20)  not null,     -- NATIONAL, PROVINCIAL, ALLIANCE
    kind          varchar(20)  not null,     -- DRUG, CONSUMABLE
    starts_on     date         not null,
    ends_on       date         not null,
    created_at    timestamptz  not null default now(),
    check (ends_on >= starts_on)
);

-- A selected product, known to claims by its reimbursement-catalog item code; other item codes of the
-- same generic (not selected) count towards the VBP share.
create table product (
    item_code       varchar(40)   primary key,
    batch_id        varchar(40)   not null references batch (batch_id),
    generic_name    varchar(200)  not null,
    specification   varchar(200)  not null,
    manufacturer    varchar(200)  not null,
    winning_price   numeric(12,4) not null check (winning_price > 0),
    previous_price  numeric(12,4) not null check (previous_price > 0)
);
create index product_batch on product (batch_id);

create table same_generic_item (
    item_code    varchar(40) primary key,
    generic_name varchar(200) not null
);

-- Agreed volumes (约定采购量) per institution, product and agreement year.
create table agreed_volume (
    year        integer       not null,
    institution varchar(30)   not null,
    item_code   varchar(40)   not null references product (item_code),
    volume      numeric(14,3) not null check (volume > 0),
    primary key (year, institution, item_code)
);

-- Consumption from settled claims: per claim line of a selected or same-generic item; a reversal
-- marks its claim's lines.
create table consumption (
    settlement_id varchar(64)   not null,
    line_no       integer       not null,
    year          integer       not null,
    institution   varchar(30)   not null,
    item_code     varchar(40)   not null,
    quantity      numeric(14,3) not null,
    reversed      boolean       not null default false,
    primary key (settlement_id, line_no)
);
create index consumption_year_institution on consumption (year, institution, item_code);

-- Recommended catalogs (e.g. the 两病 catalog) and their versions.
create table recommended_catalog (
    catalog_code varchar(32)  not null,
    version      integer      not null,
    name         varchar(200) not null,
    region_code  varchar(6)   not null,
    effective_from date       not null,
    items        text         not null,
    published_at timestamptz  not null default now(),
    primary key (catalog_code, version)
);
