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

-- Bills settled before this migration keep null numbers: having no claim, a replay counts them as settled, before every
-- numbered settlement and reversal (their order among themselves does not change a sum). No backfill: the columns are
-- added without a rewrite of the table, which stays open to settlements while this runs. The sequence must keep
-- CACHE 1 (the default): with a cache per session, numbers would no longer follow the order of the locks.
alter table settlement alter column settle_seq set default nextval('settlement_event_seq');

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
    attempts         integer       not null default 0,       -- how often a worker claimed it
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
