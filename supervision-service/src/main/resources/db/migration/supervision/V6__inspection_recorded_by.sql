-- Who recorded an inspection's result: one of its two drawn inspectors, from the caller's token.
alter table inspection add column recorded_by varchar(100);
