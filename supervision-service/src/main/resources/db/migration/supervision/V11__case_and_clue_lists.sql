-- The staff console's lists (issue 25): cases the oldest open first, clues the oldest first.
create index supervision_case_list on supervision_case ((status = 'CLOSED'), opened_at, case_id);
create index clue_list on clue (received_at, clue_id);
