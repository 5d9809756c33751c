package org.yibao.city.expect;

import org.yibao.contracts.money.Money;

import java.util.Map;
import java.util.TreeMap;

/**
 * One person's year so far as the simulator counts it from its own calculation of their earlier
 * bills (its own accumulators, never the platform's): deductible used and basic fund paid per cap
 * pool, the cumulative policy-scope self-pay the catastrophic and supplementary layers are on, and
 * what those layers and medical assistance have paid. Not thread-safe: one person's bills are sent,
 * and counted, in order by one worker.
 */
public final class YearToDate {

    /**
     * What one bill added.
     *
     * @param deductiblePool     the pool whose yearly deductible the bill used, or null (per admission)
     * @param catastrophicBase   the bill's policy-scope self-pay after the basic fund (deductible included)
     * @param supplementaryBase  the part of it the supplementary threshold counts
     */
    public record Delta(String deductiblePool, Money deductible, String capPool, Money basicFund, Money catastrophicBase,
                        Money supplementaryBase, Money catastrophic, Money supplementary, Money assistance) {
    }

    private final Map<String, Money> deductibleUsed = new TreeMap<>();
    private final Map<String, Money> fundPaid = new TreeMap<>();
    private Money catastrophicBase = Money.ZERO;
    private Money supplementaryBase = Money.ZERO;
    private Money catastrophicPaid = Money.ZERO;
    private Money supplementaryPaid = Money.ZERO;
    private Money assistancePaid = Money.ZERO;

    public Money deductibleUsed(String pool) {
        return deductibleUsed.getOrDefault(pool, Money.ZERO);
    }

    public Money fundPaid(String pool) {
        return fundPaid.getOrDefault(pool, Money.ZERO);
    }

    public Money catastrophicBase() {
        return catastrophicBase;
    }

    public Money supplementaryBase() {
        return supplementaryBase;
    }

    public Money catastrophicPaid() {
        return catastrophicPaid;
    }

    public Money supplementaryPaid() {
        return supplementaryPaid;
    }

    public Money assistancePaid() {
        return assistancePaid;
    }

    /** A settled bill. */
    public void add(Delta d) {
        apply(d, false);
    }

    /** A reversed bill: takes back exactly what it added. */
    public void takeBack(Delta d) {
        apply(d, true);
    }

    private void apply(Delta d, boolean back) {
        if (d.deductiblePool() != null) {
            deductibleUsed.merge(d.deductiblePool(), signed(d.deductible(), back), Money::plus);
        }
        fundPaid.merge(d.capPool(), signed(d.basicFund(), back), Money::plus);
        catastrophicBase = catastrophicBase.plus(signed(d.catastrophicBase(), back));
        supplementaryBase = supplementaryBase.plus(signed(d.supplementaryBase(), back));
        catastrophicPaid = catastrophicPaid.plus(signed(d.catastrophic(), back));
        supplementaryPaid = supplementaryPaid.plus(signed(d.supplementary(), back));
        assistancePaid = assistancePaid.plus(signed(d.assistance(), back));
    }

    private static Money signed(Money m, boolean negate) {
        return negate ? m.negate() : m;
    }

    @Override
    public String toString() {
        return "deductibleUsed " + deductibleUsed + ", fundPaid " + fundPaid + ", catastrophicBase " + catastrophicBase
                + ", supplementaryBase " + supplementaryBase + ", catastrophicPaid " + catastrophicPaid + ", supplementaryPaid "
                + supplementaryPaid + ", assistancePaid " + assistancePaid;
    }
}
