-- Issue 25: the staff console lists the dual warnings and confirms them one at a time, besides the
-- department's feedback file. A warning gets an id of its own (the key stays person, year and risk), and
-- the answer keeps who recorded it (the caller's token) and the officer's note.
alter table poverty_warning add column warning_id uuid not null default gen_random_uuid();
alter table poverty_warning add constraint poverty_warning_id unique (warning_id);
alter table poverty_warning add column feedback_by varchar(100);
alter table poverty_warning add column feedback_note varchar(500);
create index poverty_warning_open on poverty_warning (flagged_at, person_id) where feedback is null;
