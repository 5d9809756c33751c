package org.yibao.settlement.adjudication;

import org.yibao.contracts.money.Money;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * A person's totals for one scheme and year, or the change one settlement makes to them. Only
 * settlement and reversal change them: a settlement adds its delta, a reversal subtracts it, which
 * restores the totals exactly.
 *
 * @param deductibleUsed          起付线 paid, per cap pool
 * @param fundPaid                basic fund paid, per cap pool
 * @param policyScopeSelfPay      cumulative policy-scope self-pay after the basic fund (the
 *                                catastrophic insurance's base)
 * @param catastrophicPaid        大病保险 paid
 * @param supplementaryBase       cumulative self-pay counted towards the supplementary threshold
 * @param supplementaryPaid       补充保险 paid
 * @param assistancePaid          医疗救助 paid
 */
public record Accumulators(
        Map<String, Money> deductibleUsed,
        Map<String, Money> fundPaid,
        Money policyScopeSelfPay,
        Money catastrophicPaid,
        Money supplementaryBase,
        Money supplementaryPaid,
        Money assistancePaid) {

    public static final Accumulators NONE = new Accumulators(Map.of(), Map.of(), Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO);

    public Accumulators {
        deductibleUsed = Map.copyOf(withoutZeros(deductibleUsed));
        fundPaid = Map.copyOf(withoutZeros(fundPaid));
    }

    public Money deductibleUsed(String pool) {
        return deductibleUsed.getOrDefault(pool, Money.ZERO);
    }

    public Money fundPaid(String pool) {
        return fundPaid.getOrDefault(pool, Money.ZERO);
    }

    public Accumulators plus(Accumulators delta) {
        return combine(delta, Money::plus);
    }

    public Accumulators minus(Accumulators delta) {
        return combine(delta, Money::minus);
    }

    private Accumulators combine(Accumulators other, BinaryOperator<Money> op) {
        return new Accumulators(merge(deductibleUsed, other.deductibleUsed, op), merge(fundPaid, other.fundPaid, op),
                op.apply(policyScopeSelfPay, other.policyScopeSelfPay), op.apply(catastrophicPaid, other.catastrophicPaid),
                op.apply(supplementaryBase, other.supplementaryBase), op.apply(supplementaryPaid, other.supplementaryPaid),
                op.apply(assistancePaid, other.assistancePaid));
    }

    private static Map<String, Money> merge(Map<String, Money> a, Map<String, Money> b, BinaryOperator<Money> op) {
        Map<String, Money> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.put(k, op.apply(out.getOrDefault(k, Money.ZERO), v)));
        return out;
    }

    private static Map<String, Money> withoutZeros(Map<String, Money> m) {
        Map<String, Money> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (!v.isZero()) {
                out.put(k, v);
            }
        });
        return out;
    }
}
