package org.yibao.supervision.audit;

import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.money.Money;

import java.util.List;

/**
 * What a rule of the smart audit found on a claim (a 疑点), before it is stored and announced.
 *
 * @param related      the other claims involved (rules across claims), empty otherwise
 * @param amountAtRisk the part of the claim the rule puts in doubt
 * @param evidence     what was found, in words a reviewer can check
 */
record Finding(AuditRule rule, List<String> related, Money amountAtRisk, String evidence) {

    Finding {
        related = List.copyOf(related);
    }
}
