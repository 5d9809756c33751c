-- Issue 22: personal accounts (个人账户), their ledger, family mutual-aid bindings (家庭共济) and the funds'
-- income from contributions. (V11 and V12 were taken.)

-- One account per employee, created by its first credit (or the first bill that asks it to pay). The balance
-- is the ledger's running total and never negative; a settlement, a reversal and a credit take the row lock.
create table personal_account (
    holder_id  varchar(18)   primary key,
    balance    numeric(14,2) not null default 0 check (balance >= 0),
    opened_at  timestamptz   not null default now(),
    updated_at timestamptz   not null default now()
);

-- The ledger: every change of a balance is one line. statement_month is the Beijing month in which the line
-- was recorded (a reversal after a month's statement is closed appears in the month of the reversal).
create table account_entry (
    entry_id           uuid          primary key,
    holder_id          varchar(18)   not null references personal_account (holder_id),
    kind               varchar(20)   not null check (kind in ('CREDIT', 'DEBIT', 'RESTORATION')),
    amount             numeric(14,2) not null check (amount > 0),
    balance_after      numeric(14,2) not null check (balance_after >= 0),
    statement_month    date          not null,
    contribution_month varchar(7),    -- CREDIT: the month the contributions were for (yyyy-MM)
    settlement_id      uuid,          -- DEBIT and RESTORATION: the bill
    patient_id         varchar(18),   -- DEBIT and RESTORATION: whose bill (the holder, or a bound family member)
    event_id           varchar(64),   -- CREDIT: the ContributionsCollected event
    recorded_at        timestamptz   not null default now(),
    -- the order lines were written in (under the account's lock): a statement's order, whatever the clocks say
    seq                bigint        generated always as identity
);
-- a month is credited once, a bill debited once and restored once
create unique index account_entry_credit_once on account_entry (holder_id, contribution_month) where kind = 'CREDIT';
create unique index account_entry_debit_once on account_entry (settlement_id) where kind = 'DEBIT';
create unique index account_entry_restoration_once on account_entry (settlement_id) where kind = 'RESTORATION';
create index account_entry_statement on account_entry (holder_id, statement_month, recorded_at);

-- 家庭共济: a holder's account may pay the bills of a bound spouse, parent or child. One open binding per pair.
create table family_binding (
    binding_id    uuid         primary key,
    holder_id     varchar(18)  not null,
    member_id     varchar(18)  not null,
    relationship  varchar(20)  not null,
    valid_from    date         not null,
    ended_on      date,                    -- the binding's last day; null while it holds
    registered_by varchar(100) not null,
    ended_by      varchar(100),
    end_reason    varchar(200),
    registered_at timestamptz  not null default now(),
    check (holder_id <> member_id)
);
create unique index family_binding_one_open on family_binding (holder_id, member_id) where ended_on is null;
create index family_binding_member on family_binding (member_id) where ended_on is null;

-- The funds' income from ContributionsCollected, one row per person and month (the event's key): what the
-- income report sums by scheme, region and month.
create table contribution_income (
    person_id               varchar(18)   not null,
    month                   varchar(7)    not null,
    region_code             varchar(6)    not null,
    scheme                  varchar(20)   not null,
    person_type             varchar(30)   not null,
    employer_contribution   numeric(14,2) not null,
    individual_contribution numeric(14,2) not null,
    account_allocation      numeric(14,2) not null,
    resident_contribution   numeric(14,2) not null,
    premium_subsidy         numeric(14,2) not null,
    fiscal_subsidy          numeric(14,2) not null,
    rate_policy             varchar(100)  not null,
    event_id                varchar(64),
    recorded_at             timestamptz   not null default now(),
    primary key (person_id, month)
);
create index contribution_income_month on contribution_income (month, scheme, region_code);
