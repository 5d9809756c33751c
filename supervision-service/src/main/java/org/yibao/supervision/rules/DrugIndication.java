package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.supervision.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * 超适应症 / 禁忌: an item whose indication (the knowledge base's indications) none of the bill's
 * diagnoses meets, or billed with one of its contraindications. A bill without any diagnosis (a
 * pharmacy sale often has none) is judged only with {@code judgeWithoutDiagnoses}: absence of a
 * diagnosis is not evidence of a wrong one.
 */
@Component
class DrugIndication implements RuleType<DrugIndication.Params> {

    record Params(boolean judgeWithoutDiagnoses) {
    }

    @Override
    public String name() {
        return "ITEM_INDICATION";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        List<String> diagnoses = in.claim().diagnoses();
        List<Hit> hits = new ArrayList<>();
        for (ClaimFacts.Line l : in.claim().lines()) {
            if (!diagnoses.isEmpty() || p.judgeWithoutDiagnoses()) {
                for (Knowledge.Indication i : in.knowledge().indicationsOf(l.itemCode())) {
                    if (!i.metBy(diagnoses)) {
                        hits.add(Hit.line(in.claim(), l, l.amount(), Hit.where(l) + " (" + i.name() + ") does not fit the diagnoses "
                                + diagnoses + " (expected one of " + i.diagnoses() + ")"));
                        break;
                    }
                }
            }
            for (Knowledge.Indication i : in.knowledge().contraindicationsOf(l.itemCode())) {
                if (i.metBy(diagnoses)) {
                    hits.add(Hit.line(in.claim(), l, l.amount(), Hit.where(l) + " (" + i.name() + ") is contraindicated with the diagnoses "
                            + diagnoses));
                    break;
                }
            }
        }
        return hits;
    }
}
