package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.supervision.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.List;

/** 串换项目 (性别): an item the knowledge base gives to one sex only, billed for the other. */
@Component
class SexSpecificItem implements RuleType<SexSpecificItem.Params> {

    record Params() {
    }

    @Override
    public String name() {
        return "SEX_SPECIFIC_ITEM";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        List<Hit> hits = new ArrayList<>();
        for (ClaimFacts.Line l : in.claim().lines()) {
            for (Knowledge.SexSpecific s : in.knowledge().sexSpecificOf(l.itemCode(), in.nameOf(l))) {
                if (s.sex() != in.sex()) {
                    hits.add(Hit.line(in.claim(), l, l.amount(), Hit.where(l) + " (" + s.name() + ") is for " + s.sex().name().toLowerCase()
                            + " patients; it cannot be billed for a " + in.sex().name().toLowerCase() + " patient (item switching)"));
                    break;
                }
            }
        }
        return hits;
    }
}
