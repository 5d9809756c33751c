-- DRG (按疾病诊断相关分组付费): a region's relative weight tables (相对权重表), built from its passed settlement lists grouped
-- by the CHS-DRG tables in force (drg-tables/*.yml), versioned by id; the weights of their DRGs.
create table drg_weight_table (
    weights_id    varchar(64)   primary key,   -- <region>-<year>-drg-v<n>
    region_code   varchar(6)    not null,
    year          int           not null,
    basis_from    date          not null,
    basis_to      date          not null,
    edition       varchar(100)  not null,      -- the grouping tables' edition the history was grouped by
    cases         int           not null,      -- grouped cases the weights come from
    ungroupable   int           not null,      -- cases in 0000 or a 歧义组, left out
    overall_mean  numeric(14,2) not null,
    min_cases     int           not null,
    base_rate     numeric(14,2) not null,      -- 费率, yuan per weight 1.0, in force when built
    built_by      varchar(100)  not null,
    built_at      timestamptz   not null
);
create index drg_weight_table_region on drg_weight_table (region_code, year);

create table drg_weight (
    weights_id varchar(64)   not null references drg_weight_table,
    drg        varchar(8)    not null,
    adrg       varchar(8)    not null,
    cases      int           not null,
    basis      varchar(8)    not null,         -- DRG: its own cases; ADRG: too few, its ADRG's pooled
    mean_cost  numeric(14,2) not null,
    weight     numeric(12,4) not null,
    primary key (weights_id, drg)
);
