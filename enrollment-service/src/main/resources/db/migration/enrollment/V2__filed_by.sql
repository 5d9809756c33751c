-- Who filed a certification application or a remote-treatment filing (from the caller's token, never from a body):
-- filed_by is the client id (a hospital's HIS client, or the staff member); filed_for_institution is the
-- hospital's institution code when a hospital filed it, null when bureau staff did. A hospital may withdraw or
-- cancel only what it filed itself; staff may act on any.
alter table certification add column filed_by varchar(100);
alter table certification add column filed_for_institution varchar(30);
alter table remote_filing add column filed_by varchar(100);
alter table remote_filing add column filed_for_institution varchar(30);
