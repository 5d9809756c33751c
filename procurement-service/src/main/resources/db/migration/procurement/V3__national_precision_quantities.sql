-- Quantities at the national interface's precision (16,4): a claim's line may hold a quarter of a
-- thousandth of a unit, and must be kept as it was settled, never rounded by the column (issue 17).
-- Item codes as long as the national catalog's (50).
alter table consumption alter column quantity type numeric(16,4);
alter table consumption alter column item_code type varchar(50);
alter table purchase alter column quantity type numeric(16,4);
