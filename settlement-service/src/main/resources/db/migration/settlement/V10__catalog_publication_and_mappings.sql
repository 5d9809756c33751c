-- The catalog's second part (issue 20): Chinese herbal pieces as their own category, removals and the
-- bureau's own terms (ceilings, restrictions) visible to whoever follows the catalog by version, the
-- catalog published to the other services as CatalogChanged, and the institutions' own codes mapped to
-- the national ones (目录对照).

alter table catalog_item drop constraint catalog_item_category_check;
alter table catalog_item add constraint catalog_item_category_check
    check (category in ('DRUG', 'CONSUMABLE', 'SERVICE', 'TCM_HERBAL'));

-- The end an import stated for an entry (enddate), beside the end in force (valid_to): an entry ends
-- the day before the next entry of its code begins, or on its stated end if that comes first; if the
-- next entry is removed, the stated end is in force again.
alter table catalog_item add column stated_to date;
update catalog_item set stated_to = valid_to;
alter table catalog_item add constraint catalog_item_stated_period check (stated_to is null or stated_to >= valid_from);

-- A removed entry leaves a tombstone with the version of its removal, so a hospital following the
-- catalog by version (and the services following its events) learn that it is gone.
create table catalog_removed (
    code       varchar(50) not null,
    valid_from date        not null,
    category   varchar(20) not null,
    ver        bigint      not null,
    primary key (code, valid_from, ver)
);
create index catalog_removed_ver on catalog_removed (ver);

create function catalog_item_removed() returns trigger language plpgsql as $$
begin
    insert into catalog_removed (code, valid_from, category, ver) values (old.code, old.valid_from, old.category, nextval('catalog_ver'));
    return old;
end $$;

create trigger catalog_item_removed after delete on catalog_item
    for each row execute function catalog_item_removed();

-- An entry moved to another category leaves a tombstone under the old one first (a hospital following
-- one kind's downloads learns that it left), then takes its own new version.
create or replace function catalog_item_versioned() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.category <> new.category then
        insert into catalog_removed (code, valid_from, category, ver) values (old.code, old.valid_from, old.category, nextval('catalog_ver'));
    end if;
    new.ver := nextval('catalog_ver');
    return new;
end $$;

-- Where an entry came from: the national (or bureau's) item file, or a term file that began a new entry
-- on its own date (a continuation of the file's entry before it, which follows that entry's changes).
alter table catalog_item add column origin varchar(4) not null default 'FILE' check (origin in ('FILE', 'TERM'));

-- The terms a file stated from an entry's own begin date (CEILING, CEILING:<level>, RATIO, RESTRICTION):
-- a term stated for an earlier date holds into later entries only up to the next entry that states its own.
create table catalog_term_set (
    code       varchar(50) not null,
    valid_from date        not null,
    term       varchar(20) not null,
    primary key (code, valid_from, term),
    foreign key (code, valid_from) references catalog_item (code, valid_from) on delete cascade
);

-- A change of an entry's level ceilings or restrictions is a change of the entry: its version moves.
create function catalog_term_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        update catalog_item set ver = 0 where code = new.code and valid_from = new.valid_from;
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        update catalog_item set ver = 0 where code = old.code and valid_from = old.valid_from;
    end if;
    return null;
end $$;

create trigger catalog_level_ceiling_changed after insert or update or delete on catalog_level_ceiling
    for each row execute function catalog_term_changed();
create trigger catalog_restriction_changed after insert or update or delete on catalog_restriction
    for each row execute function catalog_term_changed();

-- How far the catalog has been published as CatalogChanged: every version up to this one is in the
-- outbox. Moved in the transaction that writes the events.
create table catalog_publication (
    id        smallint primary key check (id = 1),
    published bigint   not null
);
insert into catalog_publication values (1, 0);

-- An institution's own code for an item (医药机构目录编码, medins_list_codg / fixmedins_hilist_id)
-- mapped to the national code (med_list_codg), from a date, submitted by the institution (3301, a file)
-- and reviewed by the bureau: only an approved mapping in force on a line's date lets the line through.
create table institution_item_map (
    institution_code varchar(30)  not null,
    own_code         varchar(150) not null,
    valid_from       date         not null,
    valid_to         date,
    own_name         varchar(200) not null,
    list_type        varchar(3),
    national_code    varchar(50)  not null,
    status           varchar(10)  not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'REVOKED')),
    submitted_at     timestamptz  not null,
    submitted_by     varchar(100) not null,
    reviewed_at      timestamptz,
    reviewed_by      varchar(100),
    review_note      varchar(500),
    revoked_at       timestamptz,
    primary key (institution_code, own_code, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);
create index institution_item_map_status on institution_item_map (institution_code, status);
