-- Each institution's own region (its clearing rules), from supervision's InstitutionStatusChanged: a claim's
-- regionCode is the patient's enrollment region (an out-of-area patient is settled at a local hospital), not
-- the institution's. The latest change (changed_at) wins; a change older than the one held is ignored.
create table institution_region (
    institution_code varchar(32) primary key,
    region_code      varchar(6)  not null,
    changed_at       timestamptz not null
);
