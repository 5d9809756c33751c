-- What each stay is worth under DIP: priced in its discharge month at the provisional point value (PROVISIONAL), and again
-- at the year's point value once the year's budget is divided by its points (FINAL). One row per stay, table and basis.
create table dip_case_payment (
    settlement_id    varchar(64)   not null,
    table_id         varchar(64)   not null references dip_table,
    basis            varchar(12)   not null,   -- PROVISIONAL or FINAL
    period           char(7)       not null,   -- the discharge month, yyyy-MM
    institution_code varchar(32)   not null,
    department       varchar(32),
    group_code       varchar(64)   not null,
    kind             varchar(16)   not null,   -- NORMAL, HIGH_OUTLIER, LOW_OUTLIER
    ratio            numeric(12,4) not null,
    points           numeric(12,4) not null,
    point_value      numeric(14,4) not null,
    coefficient      numeric(6,4)  not null,
    standard         numeric(14,2) not null,
    others_paid      numeric(14,2) not null,
    fund_payment     numeric(14,2) not null,
    item_fund        numeric(14,2) not null,
    difference       numeric(14,2) not null,
    priced_at        timestamptz   not null,
    primary key (settlement_id, table_id, basis)
);
create index dip_case_payment_period on dip_case_payment (table_id, basis, period);

-- A year's point value (点值): the region's DIP budget of the year over the year's weighted points.
create table dip_point_value (
    table_id        varchar(64)   not null references dip_table,
    year            int           not null,
    budget          numeric(16,2) not null,
    weighted_points numeric(18,4) not null,   -- Σ points x institution coefficient of the year's priced stays
    point_value     numeric(14,4) not null,
    stays           int           not null,
    set_by          varchar(100)  not null,
    set_at          timestamptz   not null,
    primary key (table_id, year)
);
