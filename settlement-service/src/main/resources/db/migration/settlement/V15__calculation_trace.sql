-- Issue 25: each settled bill's calculation trace (计算过程), a step per layer of the one-stop bill as the adjudicator
-- computed it (CalculationStep: layer, base, the pack's parameters, amount, explanation; money as strings in yuan).
-- Written in the same transaction as the bill and never recomputed; null for bills settled before it existed.
alter table settlement add column calculation_trace jsonb;
