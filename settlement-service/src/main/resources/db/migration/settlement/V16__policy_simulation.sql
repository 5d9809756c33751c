-- Issue 28, policy impact simulation (政策测算): a settled bill keeps the claim the adjudicator was given, and the
-- order in which bills and reversals changed a person's accumulators, so a candidate pack can replay them exactly.

-- One sequence numbers settlements and reversals as they take the person's accumulator lock: for one person the
-- order of the numbers is the order the accumulators changed in (the second bill waits on the first's lock, and
-- draws its number after the first committed).
create sequence settlement_event_seq;

alter table settlement add column settle_seq   bigint;
alter table settlement add column reversal_seq bigint;
-- the Claim the adjudicator was given (who, where, the priced lines, what the account could pay); null for bills
-- settled before it was kept, which a replay counts at their settled amounts
alter table settlement add column claim_input  jsonb;

-- bills settled before: numbered by when they were settled or reversed (a settlement before a reversal at the same instant)
with events as (
    select id, 'S' as kind, settled_at as at from settlement
    union all
    select id, 'R' as kind, reversed_at as at from settlement where reversed_at is not null),
numbered as (
    select id, kind, row_number() over (order by at, kind desc, id) as n from events)
update settlement s set settle_seq = n.n from numbered n where n.id = s.id and n.kind = 'S';

with events as (
    select id, 'S' as kind, settled_at as at from settlement
    union all
    select id, 'R' as kind, reversed_at as at from settlement where reversed_at is not null),
numbered as (
    select id, kind, row_number() over (order by at, kind desc, id) as n from events)
update settlement s set reversal_seq = n.n from numbered n where n.id = s.id and n.kind = 'R';

select setval('settlement_event_seq', greatest(1, coalesce((select max(greatest(settle_seq, coalesce(reversal_seq, 0))) from settlement), 0)),
              (select count(*) > 0 from settlement));

alter table settlement alter column settle_seq set default nextval('settlement_event_seq');
alter table settlement alter column settle_seq set not null;

-- A replay of settled bills under a candidate policy pack: asked by a staff member, run in the background by
-- whichever settlement instance claims it, its result kept.
create table policy_simulation (
    id               uuid          primary key,
    requested_by     varchar(100)  not null,                 -- the staff member, from the token
    requested_at     timestamptz   not null,
    candidate_label  varchar(120)  not null,                 -- id@version of the candidate pack
    candidate_region varchar(6)    not null,
    candidate_scheme varchar(20)   not null,
    candidate_yaml   text          not null,                 -- the pack as uploaded, validated
    year             integer       not null,
    period_from      date          not null,                 -- service dates reported, inclusive
    period_to        date          not null,
    status           varchar(20)   not null,                 -- QUEUED, RUNNING, SUCCEEDED, FAILED
    claimed_by       uuid,                                   -- the worker running it (an instance may take over a stale run)
    up_to_seq        bigint,                                 -- the bills and reversals numbered up to this when it started
    bills_total      bigint,
    bills_done       bigint        not null default 0,
    heartbeat_at     timestamptz,                            -- a running replay's last sign of life
    started_at       timestamptz,
    finished_at      timestamptz,
    failure          varchar(2000),
    result           jsonb,
    constraint policy_simulation_period check (period_from <= period_to)
);
create index policy_simulation_open on policy_simulation (requested_at) where status in ('QUEUED', 'RUNNING');
