-- Issue 21: the facts the smart audit's rules read, kept with the settlement and repeated in ClaimSettled v2
-- and its reversal. Settlement does not price by them. A line's days of supply and prescribing doctor are
-- kept with the line, in the lines document (daysOfSupply, doctorCode); bills settled before this carry none.
alter table settlement add column person_type     varchar(20);              -- the person's type on the service date
alter table settlement add column emergency       boolean not null default false;
alter table settlement add column admitted_at     timestamp;                -- Beijing local time, inpatient only
alter table settlement add column discharged_at   timestamp;                -- Beijing local time, inpatient only
alter table settlement add column procedure_codes varchar(700);             -- ICD-9-CM-3, main first, comma-separated (20 x 30)
alter table settlement add column doctor_code     varchar(30);
alter table settlement add column department_code varchar(30);
alter table settlement add constraint settlement_stay_in_order
    check (admitted_at is null or discharged_at is null or discharged_at >= admitted_at);

-- Supervision's findings of the real-time pre-check (rule, severity, amount in violation, evidence, line),
-- beside its outcome and reasons; null in bills settled before they were kept.
alter table settlement add column precheck_findings jsonb;
