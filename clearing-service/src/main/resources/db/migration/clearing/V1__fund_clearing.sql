-- Fund clearing (基金结算清算): clearing-service's own database.

-- What the funds owe each institution (应付), one row per claim (or its reversal) and fund: the primary
-- key makes each claim count once whatever is redelivered. period is the clearing period it is counted
-- in: the Beijing month of the event, or the earliest open month after it when that month was closed.
create table owed_entry (
    settlement_id    varchar(64)   not null,
    kind             varchar(10)   not null,   -- SETTLED or REVERSED
    fund             varchar(30)   not null,
    source_id        varchar(64)   not null,   -- the settlement id or the reversal id
    institution_code varchar(32)   not null,
    region_code      varchar(6)    not null,   -- the claim's region (its clearing rules)
    period           char(7)       not null,   -- yyyy-MM
    event_month      char(7)       not null,   -- yyyy-MM
    amount           numeric(14,2) not null,   -- yuan, negative for a reversal
    recorded_at      timestamptz   not null default now(),
    primary key (settlement_id, kind, fund)
);
create index owed_entry_institution_period on owed_entry (institution_code, period);

-- An institution's months closed by an approved payment order: no entry is counted in them any more.
create table closed_period (
    institution_code varchar(32) not null,
    period           char(7)     not null,
    closed_at        timestamptz not null,
    primary key (institution_code, period)
);

-- Deductions (扣款) from supervision's confirmed findings and their give-backs, and recoveries (追回基金)
-- ordered by a case; netted from the institution's next monthly payment. amount is positive when taken
-- from the institution, negative when given back. One row per source and kind: a redelivery changes nothing.
create table deduction (
    source_id        varchar(64)   not null,   -- the violation id or the case id
    kind             varchar(20)   not null,   -- DEDUCTION, DEDUCTION_RETURNED, RECOVERY
    institution_code varchar(32)   not null,
    amount           numeric(14,2) not null,
    reason           varchar(500),
    occurred_at      timestamptz   not null,
    netted_in        varchar(64),              -- the payment order that netted it; null while outstanding
    primary key (source_id, kind)
);
create index deduction_institution on deduction (institution_code);

-- A year's allocation (年度预算总额) per institution and scheme's basic pooling fund, versioned: a new version
-- replaces the one in force, the old ones are kept.
create table budget (
    institution_code  varchar(32)   not null,
    year              int           not null,
    scheme            varchar(20)   not null,
    version           int           not null,
    annual_allocation numeric(14,2) not null,
    set_by            varchar(100)  not null,
    set_at            timestamptz   not null,
    primary key (institution_code, year, scheme, version)
);

-- Monthly payment orders (月度拨付单): prepared by one clearing officer, approved by another. One order in
-- force per institution and period (a superseded one was prepared on inputs that changed before approval).
create table payment_order (
    order_id          uuid          primary key,
    institution_code  varchar(32)   not null,
    region_code       varchar(6)    not null,
    period            char(7)       not null,
    state             varchar(12)   not null,   -- PREPARED, APPROVED, SUPERSEDED
    deposit_ratio     numeric(5,4)  not null,
    deductions        numeric(14,2) not null,   -- the deductions outstanding it netted (net of give-backs)
    recoveries        numeric(14,2) not null,
    deduction_carried numeric(14,2) not null,
    recovery_carried  numeric(14,2) not null,
    paid              numeric(14,2) not null,
    prepared_by       varchar(100)  not null,
    prepared_at       timestamptz   not null,
    approved_by       varchar(100),
    approved_at       timestamptz
);
create unique index payment_order_in_force on payment_order (institution_code, period) where state <> 'SUPERSEDED';

create table payment_order_line (
    order_id        uuid          not null references payment_order,
    fund            varchar(30)   not null,
    owed_in_period  numeric(14,2) not null,
    brought_forward numeric(14,2) not null,
    owed            numeric(14,2) not null,
    withheld        numeric(14,2) not null,
    deducted        numeric(14,2) not null,
    recovered       numeric(14,2) not null,
    deferred        numeric(14,2) not null,
    paid            numeric(14,2) not null,
    monthly_cap     numeric(14,2),
    primary key (order_id, fund)
);

-- The deductions and recoveries an order netted (marked netted_in on approval).
create table payment_order_deduction (
    order_id  uuid        not null references payment_order,
    source_id varchar(64) not null,
    kind      varchar(20) not null,
    amount    numeric(14,2) not null,
    primary key (order_id, source_id, kind)
);
