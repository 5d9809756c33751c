-- Maternity allowances (生育津贴, issue 22): one per person and delivery date, with the parts of the calculation
-- (amount = average_monthly_wage / 30 x leave_days, leave_days = base + difficult + extra babies + region).
create table maternity_allowance (
    id                   uuid primary key,
    person_id            varchar(18)    not null,
    region_code          varchar(6)     not null,
    policy_pack          varchar(100)   not null,
    delivery_date        date           not null,
    delivery_kind        varchar(40)    not null,
    babies               integer        not null check (babies between 1 and 9),
    average_monthly_wage numeric(14, 2) not null check (average_monthly_wage > 0),
    leave_days           integer        not null check (leave_days = base_days + difficult_days + extra_baby_days + region_days),
    base_days            integer        not null,
    difficult_days       integer        not null,
    extra_baby_days      integer        not null,
    region_days          integer        not null,
    amount               numeric(14, 2) not null check (amount >= 0),
    decided_by           varchar(100)   not null,
    granted_at           timestamptz    not null,
    unique (person_id, delivery_date)
);

create index maternity_allowance_by_year on maternity_allowance (delivery_date, region_code);
