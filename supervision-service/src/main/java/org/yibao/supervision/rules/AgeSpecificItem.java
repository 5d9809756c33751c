package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.supervision.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.List;

/** 串换项目 (年龄): an item the knowledge base gives to an age range, billed for a patient outside it. */
@Component
class AgeSpecificItem implements RuleType<AgeSpecificItem.Params> {

    record Params() {
    }

    @Override
    public String name() {
        return "AGE_SPECIFIC_ITEM";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        List<Hit> hits = new ArrayList<>();
        int age = in.age();
        for (ClaimFacts.Line l : in.claim().lines()) {
            for (Knowledge.AgeSpecific a : in.knowledge().ageSpecificOf(l.itemCode(), in.nameOf(l))) {
                if (age < a.minAge() || age > a.maxAge()) {
                    hits.add(Hit.line(in.claim(), l, l.amount(), Hit.where(l) + " is for patients aged " + a.minAge() + "-" + a.maxAge()
                            + "; this patient is " + age + " (item switching)"));
                    break;
                }
            }
        }
        return hits;
    }
}
