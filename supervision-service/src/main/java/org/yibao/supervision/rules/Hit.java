package org.yibao.supervision.rules;

import org.yibao.contracts.money.Money;

import java.util.List;

/**
 * What a rule type found: the claim it is about (the claim under audit, or for rules across claims
 * possibly another of the person's, e.g. an outpatient bill inside a stay that arrived later), the
 * lines involved, the other claims involved, the amount in violation (违规金额, yuan) and the evidence.
 *
 * @param lines 1-based lines of {@code target} the amount comes from; empty when it is the whole claim
 */
public record Hit(ClaimFacts target, List<Integer> lines, List<String> related, Money amount, String evidence) {

    public Hit {
        lines = List.copyOf(lines);
        related = List.copyOf(related);
    }

    /** A hit on one line of the claim. */
    public static Hit line(ClaimFacts claim, ClaimFacts.Line line, Money amount, String evidence) {
        return new Hit(claim, List.of(line.no()), List.of(), amount, evidence);
    }

    /** A hit on the whole claim. */
    public static Hit whole(ClaimFacts claim, List<String> related, String evidence) {
        return new Hit(claim, List.of(), related, claim.total(), evidence);
    }

    static String where(ClaimFacts.Line line) {
        return "line " + line.no() + " (" + line.itemCode() + (line.itemName() == null ? "" : " " + line.itemName()) + ")";
    }
}
