-- Prepayments (预付金): paid to an institution ahead of its claims (Pingdingshan 2020: the basic fund prepaid to the
-- hospitals treating the epidemic), prepared by one clearing officer, approved (paid) by another, and recovered from
-- the institution's later monthly payments of the same fund by a schedule of instalments.
create table prepayment (
    prepayment_id         uuid          primary key,
    institution_code      varchar(32)   not null,
    fund                  varchar(30)   not null,   -- EMPLOYEE_POOLING or RESIDENT_POOLING
    amount                numeric(14,2) not null check (amount > 0),
    reason                varchar(500)  not null,
    first_recovery_period char(7)       not null,   -- yyyy-MM: the month whose order recovers the first instalment
    months                int           not null check (months between 1 and 36),
    state                 varchar(12)   not null,   -- PREPARED, APPROVED
    prepared_by           varchar(100)  not null,
    prepared_at           timestamptz   not null,
    approved_by           varchar(100),
    approved_at           timestamptz
);
create index prepayment_institution on prepayment (institution_code, fund);

-- What a payment order recovers of each prepayment; counted as recovered once the order is approved.
create table payment_order_prepayment (
    order_id      uuid          not null references payment_order,
    prepayment_id uuid          not null references prepayment,
    amount        numeric(14,2) not null check (amount > 0),
    primary key (order_id, prepayment_id)
);
create index payment_order_prepayment_prepayment on payment_order_prepayment (prepayment_id);

alter table payment_order_line add column prepayment_recovered numeric(14,2) not null default 0;
