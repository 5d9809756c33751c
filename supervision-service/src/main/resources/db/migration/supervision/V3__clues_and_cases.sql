-- Clues (线索) from townships, villages, the public and the smart audit.
create table clue (
    clue_id      uuid         primary key,
    source       varchar(20)  not null,     -- TOWNSHIP, VILLAGE, PUBLIC, RULE
    institution  varchar(30)  not null references institution (code),
    description  varchar(2000) not null,
    violation_id uuid,
    case_id      uuid,
    received_at  timestamptz  not null default now()
);

-- Cases: investigated, decided and reviewed by three different staff members (查、处、审分离).
create table supervision_case (
    case_id          uuid          primary key,
    institution      varchar(30)   not null references institution (code),
    status           varchar(20)   not null,  -- INVESTIGATING, DECIDING, REVIEWING, CLOSED
    investigator     varchar(100)  not null,
    findings         varchar(4000),
    settlement_ids   varchar(2000) not null default '',
    decider          varchar(100),
    outcome          varchar(30),             -- WARNING, FUND_RECOVERY, SUSPENSION, TERMINATION, JUDICIAL_REFERRAL
    recovery_amount  numeric(14,2),
    reviewer         varchar(100),
    opened_at        timestamptz   not null default now(),
    closed_at        timestamptz
);

-- The audit trail: every step of every case, who took it and when.
create table case_step (
    id         bigserial    primary key,
    case_id    uuid         not null references supervision_case (case_id),
    step       varchar(30)  not null,
    staff_id   varchar(100) not null,
    role       varchar(20)  not null,
    detail     varchar(4000),
    taken_at   timestamptz  not null default now()
);
create index case_step_case on case_step (case_id, id);
