-- A deduction is taken from the basic pooling fund of the scheme of the claim it was confirmed on; what that
-- fund's line could not take is carried to the next month on the same fund.
alter table payment_order_line add column deduction_carried numeric(14,2) not null default 0;
