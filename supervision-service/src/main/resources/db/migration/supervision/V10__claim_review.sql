-- Issue 23, capability 3: claim review (病例审核). A kept claim is queued once: flagged by the smart audit,
-- or sampled (random, or at or above a value threshold); a reviewer decides it once, deducting claim lines
-- (扣款) with reasons; the institution may appeal (申诉) once before a deadline; another reviewer decides it.
create table claim_review (
    review_id       uuid          primary key,
    settlement_id   varchar(64)   not null unique references audited_claim (settlement_id),
    institution     varchar(30)   not null,
    reason          varchar(20)   not null,            -- FLAGGED, SAMPLED_RANDOM, SAMPLED_VALUE
    status          varchar(10)   not null,            -- OPEN, DECIDED, WITHDRAWN
    total           numeric(14,2) not null,            -- the claim's total, yuan
    fund_paid       numeric(14,2) not null,            -- what the funds paid of it (total less cash and personal account), yuan
    queued_at       timestamptz   not null,
    decided_by      varchar(100),
    decided_at      timestamptz,
    deducted        numeric(14,2),                     -- the sum of the deduction lines, yuan
    decision_note   varchar(500),
    appeal_deadline date,                              -- the last Beijing day an appeal is accepted
    withdrawn_at    timestamptz
);
create index claim_review_queue on claim_review (status, institution, queued_at);

-- A decision's deductions: at most one per claim line.
create table claim_review_deduction (
    review_id   uuid          not null references claim_review,
    line_no     integer       not null,
    item_code   varchar(50)   not null,
    amount      numeric(14,2) not null check (amount > 0),
    reason_code varchar(40)   not null,
    reason      varchar(500),
    finding_id  uuid,                                   -- the smart audit's finding the line confirms, if any
    primary key (review_id, line_no)
);

-- An institution's appeal, one per review, and its decision by another reviewer.
create table claim_review_appeal (
    review_id    uuid          primary key references claim_review,
    appealed_by  varchar(100)  not null,               -- the institution's client, from its token
    appealed_at  timestamptz   not null,
    statement    varchar(2000) not null,
    decided_by   varchar(100),
    decided_at   timestamptz,
    given_back   numeric(14,2),
    decision_note varchar(500)
);

-- The lines an appeal contests and, once decided, each line's outcome.
create table claim_review_appeal_line (
    review_id  uuid          not null references claim_review_appeal,
    line_no    integer       not null,
    outcome    varchar(10),                            -- UPHELD or WITHDRAWN; null until decided
    given_back numeric(14,2),
    primary key (review_id, line_no)
);
