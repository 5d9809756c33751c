package org.yibao.supervision.rules;

import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.Severity;
import org.yibao.contracts.money.Money;

import java.util.List;

/**
 * A finding of the rule library on a claim (疑点): the entry that found it, the claim it is about, the
 * other claims involved, the amount in violation (yuan) and the evidence in words a reviewer can check.
 *
 * @param lines 1-based lines of {@code target} involved; empty for the whole claim
 */
public record RuleFinding(String ruleId, String ruleName, AuditRule kind, Severity severity, ClaimFacts target,
                          List<Integer> lines, List<String> related, Money amount, String evidence) {

    public RuleFinding {
        lines = List.copyOf(lines);
        related = List.copyOf(related);
    }
}
