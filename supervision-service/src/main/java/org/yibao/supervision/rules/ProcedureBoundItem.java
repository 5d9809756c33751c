package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.supervision.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * 不合理使用耗材 / 串换: a consumable (or item) that belongs to a procedure (the knowledge base's
 * consumable-procedure pairs) on a claim that carries neither the procedure (ICD-9-CM-3) nor one of its
 * items, or none of its diagnoses where the pair names them. The consumable's line is in violation.
 */
@Component
class ProcedureBoundItem implements RuleType<ProcedureBoundItem.Params> {

    record Params() {
    }

    @Override
    public String name() {
        return "ITEM_REQUIRES_PROCEDURE";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        ClaimFacts c = in.claim();
        List<Hit> hits = new ArrayList<>();
        for (ClaimFacts.Line l : c.lines()) {
            for (Knowledge.ProcedureBound b : in.knowledge().procedureBoundOf(l.itemCode())) {
                boolean procedure = c.procedures().stream().anyMatch(code -> b.procedures().stream()
                        .anyMatch(prefix -> code.replace("x", "").startsWith(prefix)));
                boolean item = b.items().stream().anyMatch(c::hasItem);
                boolean diagnosis = b.diagnoses().isEmpty()
                        || c.diagnoses().stream().anyMatch(d -> b.diagnoses().stream().anyMatch(r -> r.matches(d)));
                if (!(procedure || item) || !diagnosis) {
                    String missing = !(procedure || item)
                            ? "without its procedure (ICD-9-CM-3 " + b.procedures() + ") or item " + b.items() + "; the claim's procedures are "
                            + c.procedures()
                            : "without one of its diagnoses " + b.diagnoses() + "; the claim's diagnoses are " + c.diagnoses();
                    hits.add(Hit.line(c, l, l.amount(), Hit.where(l) + " (" + b.name() + ") is billed " + missing
                            + " (consumable without its procedure)"));
                    break;
                }
            }
        }
        return hits;
    }
}
