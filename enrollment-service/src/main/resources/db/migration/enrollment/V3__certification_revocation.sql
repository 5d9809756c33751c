-- A revocation (or a hospital's withdrawal) is recorded beside the decision it ends, which stays as it was:
-- who approved it and why remain visible after the revocation.
alter table certification add column revoked_on date;
alter table certification add column revoked_by varchar(100);
alter table certification add column revocation_reason varchar(500);
