-- Deaths registered by civil affairs / public security, for the fake-patient rule (假病人).
create table death (
    person_id     varchar(18) primary key,
    date_of_death date        not null,
    source        varchar(40) not null,
    recorded_at   timestamptz not null default now()
);
