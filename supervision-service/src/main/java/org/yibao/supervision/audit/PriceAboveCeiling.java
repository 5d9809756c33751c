package org.yibao.supervision.audit;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ItemClass;

import java.util.List;

/** 超限价收费: a class A line billed above the catalog's price ceiling. */
@Component
class PriceAboveCeiling implements ClaimRule {

    @Override
    public AuditRule rule() {
        return AuditRule.PRICE_ABOVE_CEILING;
    }

    @Override
    public List<Finding> check(ClaimUnderAudit claim) {
        return claim.claim().lines().stream()
                // a class A line has no prior self-pay, so any self-pay on it is the part above the catalog ceiling
                .filter(line -> line.itemClass() == ItemClass.A && line.selfPay().isPositive())
                .map(PriceAboveCeiling::finding)
                .toList();
    }

    private static Finding finding(ClaimLine line) {
        return new Finding(AuditRule.PRICE_ABOVE_CEILING, List.of(), line.selfPay(), line.itemCode() + " billed at "
                + line.unitPrice() + " a unit, " + line.selfPay() + " above the catalog ceiling");
    }
}
