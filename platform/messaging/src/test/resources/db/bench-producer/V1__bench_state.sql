create table bench_state (person_id varchar(18) primary key, changes integer not null);
