package org.yibao.casemix.dip;

import org.yibao.casemix.rules.CasePricing;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;

/**
 * A stay priced under a DIP table on a basis: PROVISIONAL (its discharge month, at the rules' provisional point value) or
 * FINAL (at the year's point value). Amounts in yuan.
 *
 * @param period     the discharge month, yyyy-MM
 * @param department the list's department, or null
 * @param scheme     whose basic pooling fund pays the stay
 */
public record DipCasePayment(String settlementId, String tableId, Basis basis, String period, String institutionCode, String department,
                             org.yibao.contracts.events.Scheme scheme,
                             String groupCode, CasePricing.Kind kind, BigDecimal ratio, BigDecimal points, BigDecimal pointValue,
                             BigDecimal coefficient, Money standard, Money othersPaid, Money fundPayment, Money itemFund, Money difference) {

    /** Which point value priced it. */
    public enum Basis {
        /** 月度预付: the rules' provisional point value */
        PROVISIONAL,
        /** 年度清算: the year's point value */
        FINAL
    }
}
