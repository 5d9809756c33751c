-- Care is paid by the day (issue 22, reviewer's findings on ADR 0021): a day of a benefit is paid at most
-- once, whatever paid it (a bill's line, a supplementary bill's line or a home-care run). The earlier key,
-- one payment per benefit, month and setting, meant that days found due after the month's first payment (a
-- benefit decided after its month's run or bill, its start back-dated to the assessment day) could never be
-- paid; the key is now the day.
create table care_payment_day (
    benefit_id uuid not null references care_benefit,
    day        date not null,
    payment_id uuid not null references care_payment,
    primary key (benefit_id, day)
);
create index care_payment_day_payment on care_payment_day (payment_id);

-- every day already paid, from the payments' periods
insert into care_payment_day (benefit_id, day, payment_id)
select p.benefit_id, d::date, p.payment_id
from care_payment p
join care_payment_period pp on pp.payment_id = p.payment_id
cross join lateral generate_series(pp.first_day, pp.last_day, interval '1 day') d;

alter table care_payment drop constraint care_payment_benefit_id_month_setting_key;

-- An institution's bills for a month: the month's bill (1), then supplementary bills (2, 3...) for days not
-- billed yet.
alter table care_bill add column sequence int not null default 1;
alter table care_bill drop constraint care_bill_institution_code_month_key;
alter table care_bill add constraint care_bill_institution_month_sequence unique (institution_code, month, sequence);
