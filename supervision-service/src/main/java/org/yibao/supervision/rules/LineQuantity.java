package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** 超量 (one line): a line's quantity above the most one line may bill. */
@Component
class LineQuantity implements RuleType<LineQuantity.Params> {

    /** @param maxQuantity units on one line, more than zero */
    record Params(BigDecimal maxQuantity) {
        Params {
            if (maxQuantity == null || maxQuantity.signum() <= 0) {
                throw new IllegalArgumentException("maxQuantity must be a number more than zero");
            }
        }
    }

    /** Overcharging the patient is a violation too, whoever pays the line. */
    @Override
    public boolean concernsSelfPay() {
        return true;
    }

    @Override
    public String name() {
        return "LINE_QUANTITY";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        List<Hit> hits = new ArrayList<>();
        for (ClaimFacts.Line l : in.claim().lines()) {
            if (l.quantity().compareTo(p.maxQuantity()) > 0) {
                hits.add(Hit.line(in.claim(), l, l.amount(), Hit.where(l) + ": quantity " + l.quantity().stripTrailingZeros().toPlainString()
                        + " is above " + p.maxQuantity().toPlainString() + " (excessive quantity)"));
            }
        }
        return hits;
    }
}
