-- The staff console's person search (issue 25), fast over millions of persons:
-- a name by its beginning (LIKE '张%'), ordered by name then id, both in code-point order (collation "C",
-- whatever the database's locale, so that a prefix LIKE can use the index);
create index person_name_search on person (name collate "C", person_id);
-- a resident id by its last digits (the id reversed, by its beginning).
create index person_id_suffix on person ((reverse(person_id)) collate "C");
