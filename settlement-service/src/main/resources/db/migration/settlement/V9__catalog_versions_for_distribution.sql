-- Distribution of the catalog (issue 20): every entry carries the version (ver) of its last change, from
-- one sequence, so a hospital that holds the catalog up to version v asks only for what changed after v
-- (as the national 1301-1321 downloads take `ver`). Set by the database on every insert and every
-- update, however the entry was written.
create sequence catalog_ver;
alter table catalog_item add column ver bigint;
update catalog_item set ver = nextval('catalog_ver');
alter table catalog_item alter column ver set not null;
create index catalog_item_ver on catalog_item (ver);

create function catalog_item_versioned() returns trigger language plpgsql as $$
begin
    new.ver := nextval('catalog_ver');
    return new;
end $$;

create trigger catalog_item_versioned before insert or update on catalog_item
    for each row execute function catalog_item_versioned();
