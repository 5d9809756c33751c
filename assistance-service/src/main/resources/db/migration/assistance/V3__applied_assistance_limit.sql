-- The annual assistance limit is the policy pack's (settlement's) fact, not this service's: each
-- ClaimSettled carries the limit settlement applied for the person's category, kept here per person
-- and year (the latest claim's), so what remains and who reached it agree with what settlement pays.
alter table person_year add column assistance_category varchar(40);
alter table person_year add column annual_limit numeric(14,2) check (annual_limit >= 0);
