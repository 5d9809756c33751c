-- Purchases institutions report from the procurement platform (采购量), the other measure of
-- completion beside what their patients' claims show was used.
create table purchase (
    report_id   uuid          not null,
    line        integer       not null,
    year        integer       not null,
    institution varchar(30)   not null,
    item_code   varchar(40)   not null references product (item_code),
    quantity    numeric(14,3) not null check (quantity > 0),
    purchased_on date         not null,
    primary key (report_id, line)
);
create index purchase_year_institution on purchase (year, institution, item_code);
