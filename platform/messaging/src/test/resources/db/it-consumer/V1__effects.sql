-- Deliberately no unique constraint: a double effect would show as two rows.
create table effect (
    id        bigserial primary key,
    event_id  uuid        not null,
    person_id varchar(18) not null,
    seq       integer     not null,
    applied_at timestamptz not null default now()
);
