-- Facts over time (issue 22): an enrollment's person type, tier and status change from a date on
-- (an employee retires from 1 November; an enrollment is suspended from a date). Each row holds the
-- facts from its first day until the next row of the same person and year; the first row begins on
-- the enrollment's effective_from (coverage start), which a change no longer moves. Reads take the
-- period in force on their day.
create table enrollment_period (
    person_id   varchar(18)  not null,
    year        integer      not null,
    valid_from  date         not null,
    person_type varchar(30)  not null,
    tier        varchar(30),
    status      varchar(20)  not null,
    reason      varchar(200),
    recorded_at timestamptz  not null default now(),
    primary key (person_id, year, valid_from),
    check (extract(year from valid_from) = year)
);
insert into enrollment_period (person_id, year, valid_from, person_type, tier, status, reason)
select person_id, year, effective_from, person_type, tier, status, 'enrollment as it stood before periods were kept'
from enrollment;
