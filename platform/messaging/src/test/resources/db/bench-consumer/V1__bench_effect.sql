create table bench_effect (id bigserial primary key, event_id uuid not null, person_id varchar(18) not null);
