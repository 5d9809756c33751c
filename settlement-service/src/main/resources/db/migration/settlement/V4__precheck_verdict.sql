-- Supervision's real-time verdict at settlement time; UNCHECKED bills are the after-the-fact audit's first work.
alter table settlement add column precheck_outcome varchar(20) not null default 'UNCHECKED';
alter table settlement add column precheck_reasons varchar(2000);
create index settlement_unchecked on settlement (settled_at) where precheck_outcome = 'UNCHECKED';
