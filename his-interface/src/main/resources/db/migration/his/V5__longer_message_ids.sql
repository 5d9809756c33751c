-- A msgid is the institution's code (up to 30 characters) and 18 digits: up to 48.
alter table his_message alter column msgid type varchar(64);
alter table his_message alter column corrected_by type varchar(64);
alter table visit alter column created_msgid type varchar(64);
alter table fee_line alter column uploaded_msgid type varchar(64);
alter table visit_settlement alter column msgid type varchar(64);
alter table his_file alter column msgid type varchar(64);
