-- Annual inspection plans (全覆盖 + 双随机): every institution, each with two inspectors drawn at
-- random, in a random order; the seed of the draw is kept so the draw can be shown to be fair.
create table inspection_plan (
    year        integer      primary key,
    seed        bigint       not null,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null default now()
);

create table inspection (
    year          integer      not null references inspection_plan (year),
    institution   varchar(30)  not null references institution (code),
    position      integer      not null,        -- the drawn order
    inspector_a   varchar(100) not null,
    inspector_b   varchar(100) not null,
    inspected_on  date,
    finding       varchar(20),                  -- CLEAN or VIOLATION
    note          varchar(2000),
    primary key (year, institution)
);
