-- The annual assistance limit is the policy pack's (settlement's) fact, not this service's: each
-- ClaimSettled carries the category and limit settlement applied (none when the person had no
-- category or the pack pays none). Kept per claim, with the claim's service date, so that a person's
-- limit is the one of their latest claim of the year still standing: a late bill dated before a
-- category change, or the reversal of the claim that brought a limit, cannot leave a stale one.
-- Claims recorded before this migration carry none (their person-year shows no limit until the next).
alter table claim add column service_date date;
alter table claim add column limit_category varchar(40);
alter table claim add column annual_limit numeric(14,2) check (annual_limit >= 0);
create index claim_person_year_latest on claim (person_id, year, service_date desc, settled_at desc) where reversed_at is null;
