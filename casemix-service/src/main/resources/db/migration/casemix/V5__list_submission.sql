-- A settlement list submitted by its hospital (national 4102, stas_type 1 已提交): once submitted it is not replaced.
alter table settlement_list add column submitted_at timestamptz;
alter table settlement_list add column submitted_by varchar(100);
