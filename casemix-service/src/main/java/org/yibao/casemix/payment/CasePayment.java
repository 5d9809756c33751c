package org.yibao.casemix.payment;

import org.yibao.casemix.rules.CasePricing;
import org.yibao.casemix.rules.PaymentMethod;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;

/**
 * A stay priced by its institution's method on a basis: PROVISIONAL (its discharge month, at the provisional rate) or FINAL
 * (at the year's rate). Amounts in yuan.
 *
 * @param tableId     the DIP table or the DRG weight table that priced it
 * @param period      the discharge month, yyyy-MM
 * @param department  the list's department, or null
 * @param scheme      whose basic pooling fund pays the stay
 * @param groupCode   the DIP group or the DRG
 * @param units       DIP points, or the DRG weight (as an outlier, scaled)
 * @param rate        yuan per point (DIP's point value, 点值) or per weight (DRG's base rate, 费率)
 * @param coefficient the institution coefficient (机构系数)
 */
public record CasePayment(String settlementId, String tableId, PaymentMethod method, Basis basis, String period, String institutionCode,
                          String department, Scheme scheme, String groupCode, CasePricing.Kind kind, BigDecimal ratio, BigDecimal units,
                          BigDecimal rate, BigDecimal coefficient, Money standard, Money othersPaid, Money fundPayment, Money itemFund,
                          Money difference) {

    /** Which rate priced it. */
    public enum Basis {
        /** 月度预付: the provisional rate (DIP: the rules' point value; DRG: the weight table's base rate) */
        PROVISIONAL,
        /** 年度清算: the year's rate (the year's budget / its weighted units) */
        FINAL
    }
}
