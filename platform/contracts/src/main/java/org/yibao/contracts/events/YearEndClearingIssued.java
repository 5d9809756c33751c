package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An institution's year-end clearing (年终清算) was approved: per fund, the year's claims against the budget, the surplus
 * retained (结余留用) or the overspend shared (超支分担), the year's deferral settled and the quality deposit released by
 * the assessment score. A positive payable is paid with it; a negative one is owed back by the institution and recovered
 * from its next monthly payments. Prepared by one staff member, approved by another, both named by their tokens.
 *
 * @param clearingId unique per clearing; a consumer counts it once
 * @param year       the year cleared
 * @param score      the assessment score (考核得分), 0 to 100
 * @param paidNow    paid with the clearing: the positive lines' payable, yuan
 * @param owedBack   owed back by the institution: the negative lines' payable as a positive amount, yuan, recovered from its
 *                   next monthly payments
 */
@EventType(name = "YearEndClearingIssued", version = 1, topic = Topics.PAYMENT_ORDERS)
public record YearEndClearingIssued(
        String clearingId,
        String institutionCode,
        String regionCode,
        int year,
        BigDecimal score,
        List<Line> lines,
        Money paidNow,
        Money owedBack,
        String preparedBy,
        String approvedBy,
        Instant approvedAt) implements IntegrationEvent {

    public YearEndClearingIssued {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One fund's year, in yuan.
     *
     * @param budget     the year's allocation; null when the fund has none
     * @param actual     the year's claims less reversals
     * @param retained   the surplus retained by the institution
     * @param borne      the overspend borne by the institution
     * @param recognised the year's recognised amount (年度清算额)
     * @param deferred   the year's deferral settled
     * @param released   the quality deposit released
     * @param forfeited  the quality deposit kept by the fund
     * @param payable    paid now (negative: owed back)
     * @param withheld   the quality deposit the year's orders withheld (= released + forfeited)
     * @param fundShare  the part of an overspend the fund bears (超支分担)
     * @param received   what the institution got during the year for the year's claims: actual − withheld − deferred; a
     *                   consumer checks actual + retained − borne = received + payable + forfeited
     */
    public record Line(String fund, Money budget, Money actual, Money retained, Money borne, Money recognised, Money deferred,
                       Money released, Money forfeited, Money payable, Money withheld, Money fundShare, Money received) {
    }

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
