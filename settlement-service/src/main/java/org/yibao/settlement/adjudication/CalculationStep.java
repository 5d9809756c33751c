package org.yibao.settlement.adjudication;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One layer of a bill's calculation trace (计算过程): what the layer was computed on, the policy pack's parameters that
 * applied, and what it came to, in the adjudication order of DESIGN.md. A trace's layers reconcile exactly with the
 * bill's {@link SettlementAmounts} ({@link CalculationSteps#reconciled}). Money in yuan, exact to the fen; ratios as
 * decimals (0.8 = 80%). A parameter that does not apply to the layer is null (left out of the JSON).
 *
 * @param layer             which layer of the one-stop bill
 * @param base              yuan the layer was computed on (e.g. the rated scope above the deductible for the basic fund)
 * @param ratio             the ratio the pack applied (basic fund, prior self-pay, supplementary, assistance)
 * @param pool              the cap pool (e.g. {@code inpatient}) whose deductible and annual cap the layer draws on
 * @param deductibleDue     起付线 still due before this bill (per admission: the whole deductible at the level)
 * @param annualCap         the layer's annual cap (basic fund, catastrophic, supplementary), yuan
 * @param capLeft           what was left of the annual cap before this bill, yuan
 * @param threshold         the cumulative self-pay above which catastrophic or supplementary insurance pays, yuan
 * @param bands             catastrophic insurance's bands, with the ratios that applied to the person's category
 * @param limit             the most the layer may pay: medical assistance's annual limit, or what the person asked
 *                          the personal account to pay within its balance, yuan
 * @param limitLeft         what was left of assistance's annual limit before this bill, yuan
 * @param paidInFull        of the basic fund, what it paid in full under a zero-pay rule (outside deductible, ratio and cap)
 * @param accumulatedBefore the person's accumulator for the layer before this bill (deductible used, fund paid in
 *                          the pool, cumulative self-pay, assistance paid), yuan
 * @param accumulatedAfter  the same accumulator after this bill, yuan
 * @param amount            what the layer came to, yuan: the bill's amount for the layer
 * @param explanation       the layer in a sentence, naming the pack's rule
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalculationStep(
        Layer layer,
        Money base,
        BigDecimal ratio,
        String pool,
        Money deductibleDue,
        Money annualCap,
        Money capLeft,
        Money threshold,
        List<Band> bands,
        Money limit,
        Money limitLeft,
        Money paidInFull,
        Money accumulatedBefore,
        Money accumulatedAfter,
        Money amount,
        String explanation) {

    public CalculationStep {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(explanation, "explanation");
        bands = bands == null ? null : List.copyOf(bands);
    }

    /**
     * A band of catastrophic insurance (大病保险分段) on the person's cumulative policy-scope self-pay.
     *
     * @param from  where the band starts, yuan (the threshold for the first)
     * @param to    where it ends, yuan; null for the last, open-ended band
     * @param ratio the ratio paid within it, after the category's tilt
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Band(Money from, Money to, BigDecimal ratio) {
    }

    /**
     * The layers of the one-stop bill (一站式结算单), each with the amount of the bill it equals; the paying layers
     * ({@link #pays()}) add up to the total.
     */
    public enum Layer {
        /** 医疗费总额. */
        TOTAL(SettlementAmounts::total, false),
        /** 全自费. */
        FULL_SELF_PAY(SettlementAmounts::fullSelfPay, false),
        /** 先行自付. */
        PRIOR_SELF_PAY(SettlementAmounts::priorSelfPay, false),
        /** 政策范围内费用. */
        POLICY_SCOPE(SettlementAmounts::policyScope, false),
        /** 起付线. */
        DEDUCTIBLE(SettlementAmounts::deductible, false),
        /** 统筹基金支付. */
        BASIC_FUND(SettlementAmounts::basicFund, true),
        /** 生育保险定额支付: maternity insurance's fixed payment, the bill's fund share in place of the basic fund. */
        MATERNITY_FIXED_PAYMENT(SettlementAmounts::basicFund, true),
        /** 大病保险支付. */
        CATASTROPHIC(SettlementAmounts::catastrophic, true),
        /** 补充保险支付. */
        SUPPLEMENTARY(SettlementAmounts::supplementary, true),
        /** 医疗救助支付. */
        ASSISTANCE(SettlementAmounts::assistance, true),
        /** 个人账户支付. */
        PERSONAL_ACCOUNT(SettlementAmounts::personalAccount, true),
        /** 现金支付. */
        CASH(SettlementAmounts::cash, true);

        private final Function<SettlementAmounts, Money> amount;
        private final boolean pays;

        Layer(Function<SettlementAmounts, Money> amount, boolean pays) {
            this.amount = amount;
            this.pays = pays;
        }

        /** The bill's amount for this layer. */
        public Money of(SettlementAmounts amounts) {
            return amount.apply(amounts);
        }

        /** Whether the layer is one of those that pay the bill (funds, personal account, cash), adding up to the total. */
        public boolean pays() {
            return pays;
        }
    }
}
