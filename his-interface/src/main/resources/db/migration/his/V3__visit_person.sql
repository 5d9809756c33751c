-- The person's name and national person type (人员类别) as enrollment had them when the visit opened:
-- every settlement answer carries them (psn_name, psn_type), and clients read them without a null check.
alter table visit add column psn_name varchar(50);
alter table visit add column psn_type varchar(6);
