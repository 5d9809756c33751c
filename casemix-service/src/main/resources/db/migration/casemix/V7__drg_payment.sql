-- DRG is paid like DIP, by units at a rate (a DRG's relative weight at the base rate, 费率; a DIP group's points at the
-- point value, 点值): the stays' prices, the year's rate and what was announced to the fund clearing hold both methods.
-- Each institution is paid by one method a year (支付方式), the region's default unless the bureau assigns another.
alter table dip_case_payment rename to case_payment;
alter table case_payment drop constraint dip_case_payment_table_id_fkey;
alter table case_payment add column method varchar(3) not null default 'DIP';
alter table case_payment alter column method drop default;
comment on column case_payment.table_id is 'the DIP table or the DRG weight table that priced the stay';
comment on column case_payment.points is 'units: DIP points, or the DRG weight';
comment on column case_payment.point_value is 'rate: yuan per DIP point, or per DRG weight (the base rate)';
alter index dip_case_payment_period rename to case_payment_period;
create index case_payment_institution on case_payment (institution_code, period);

alter table dip_point_value rename to year_rate;
alter table year_rate drop constraint dip_point_value_table_id_fkey;
alter table year_rate add column method varchar(3) not null default 'DIP';
alter table year_rate alter column method drop default;

alter table dip_adjustment_announced rename to adjustment_announced;
alter table adjustment_announced add column method varchar(3) not null default 'DIP';
alter table adjustment_announced alter column method drop default;
alter table adjustment_announced drop constraint dip_adjustment_announced_pkey;
alter table adjustment_announced add primary key (method, basis, institution_code, period, scheme);

create table payment_method (
    institution_code varchar(32)  not null,
    year             int          not null,
    method           varchar(3)   not null,   -- DIP or DRG
    set_by           varchar(100) not null,
    set_at           timestamptz  not null,
    primary key (institution_code, year)
);

alter index dip_case_payment_pkey rename to case_payment_pkey;
alter index dip_point_value_pkey rename to year_rate_pkey;
alter table case_payment add constraint case_payment_method check (method in ('DIP', 'DRG'));
alter table adjustment_announced add constraint adjustment_announced_method check (method in ('DIP', 'DRG'));
alter table payment_method add constraint payment_method_method check (method in ('DIP', 'DRG'));

-- a year's rate is set once per method, region and year, whatever table version priced it
alter table year_rate add column region_code varchar(6);
update year_rate y set region_code = t.region_code from dip_table t where t.table_id = y.table_id;
alter table year_rate alter column region_code set not null;
alter table year_rate add constraint year_rate_method check (method in ('DIP', 'DRG'));
create unique index year_rate_once on year_rate (method, region_code, year);
