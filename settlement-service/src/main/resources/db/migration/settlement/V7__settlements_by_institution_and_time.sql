-- An institution's settlements in a period, for its reconciliation (对账, 3201/3202).
create index settlement_institution_settled_at on settlement (institution_code, settled_at);
create index settlement_institution_reversed_at on settlement (institution_code, reversed_at) where reversed_at is not null;
