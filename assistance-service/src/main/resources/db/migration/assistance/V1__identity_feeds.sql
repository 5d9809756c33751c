-- Identity feeds from civil affairs, rural revitalization, the disabled persons' federation and
-- veterans affairs. A feed is staged row by row, then applied in one transaction, so a feed cut off
-- half-way changes nothing.
create table feed (
    feed_id     uuid        primary key,
    format      varchar(10) not null,          -- CSV, JSONL or PUSH
    status      varchar(20) not null,          -- RECEIVING, APPLIED, ABANDONED
    rows        bigint      not null default 0,
    rejected    bigint      not null default 0,
    received_at timestamptz not null default now(),
    applied_at  timestamptz
);

create table feed_row (
    feed_id          uuid        not null references feed (feed_id) on delete cascade,
    line             bigint      not null,
    source           varchar(40) not null,
    source_record_id varchar(64) not null,
    person_id        varchar(18) not null,
    region_code      varchar(6)  not null,
    category         varchar(40) not null,
    valid_from       date        not null,
    valid_to         date,
    primary key (feed_id, line)
);

-- What each source currently says, one row per source record; the latest statement wins.
create table identity_record (
    source           varchar(40) not null,
    source_record_id varchar(64) not null,
    person_id        varchar(18) not null,
    region_code      varchar(6)  not null,
    category         varchar(40) not null,
    valid_from       date        not null,
    valid_to         date,
    feed_id          uuid        not null,
    updated_at       timestamptz not null default now(),
    primary key (source, source_record_id)
);
create index identity_record_person on identity_record (person_id);

-- Every statement that changed what a source says: who said what, and when (append-only).
create table identity_statement (
    id               bigserial   primary key,
    source           varchar(40) not null,
    source_record_id varchar(64) not null,
    person_id        varchar(18) not null,
    category         varchar(40) not null,
    valid_from       date        not null,
    valid_to         date,
    feed_id          uuid        not null,
    stated_at        timestamptz not null default now()
);
create index identity_statement_person on identity_statement (person_id);

-- The merged identity (汇总剔重): one current category per person, chosen by priority.
create table person_identity (
    person_id   varchar(18) primary key,
    region_code varchar(6)  not null,
    category    varchar(40),
    valid_from  date,
    valid_to    date,
    sources     text        not null,
    changed_at  timestamptz not null default now()
);

-- The documented priority of categories when sources disagree (1 = chosen first).
create table category_priority (
    category varchar(40) primary key,
    rank     integer     not null unique
);
insert into category_priority (category, rank) values
    ('EXTREME_POVERTY', 1), ('MINIMUM_LIVING', 2), ('LIFTED_UNSTABLE', 3), ('POVERTY_MONITORED', 4),
    ('EDGE_OF_POVERTY', 5), ('SUDDEN_HARDSHIP', 6), ('MINIMUM_LIVING_MARGINAL', 7), ('LIFTED_OUT_OF_POVERTY', 8);
