package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 重复收费: the same item charged on two lines of one bill; the repeating line is in violation. */
@Component
class RepeatedItem implements RuleType<RepeatedItem.Params> {

    record Params() {
    }

    /** Overcharging the patient is a violation too, whoever pays the line. */
    @Override
    public boolean concernsSelfPay() {
        return true;
    }

    @Override
    public String name() {
        return "REPEATED_ITEM";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        List<Hit> hits = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ClaimFacts.Line l : in.claim().lines()) {
            Integer first = seen.putIfAbsent(l.itemCode(), l.no());
            if (first != null) {
                hits.add(Hit.line(in.claim(), l, l.amount(), Hit.where(l) + " repeats line " + first + " (repeated or split charging)"));
            }
        }
        return hits;
    }
}
