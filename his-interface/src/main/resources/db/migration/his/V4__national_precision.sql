-- Fee details at the national interface's precision: quantities 16,4, prices 16,6, amounts 16,2 (issue 17).
alter table fee_line alter column quantity type numeric(16,4);
alter table fee_line alter column unit_price type numeric(16,6);
alter table fee_line alter column amount type numeric(16,2);
