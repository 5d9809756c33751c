package org.yibao.settlement.simulation;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a policy simulation found (政策测算结果): the settled bills of the period beside the same bills replayed under the
 * candidate pack, by group, and the persons whose cash payment changes most. Amounts in yuan; ratios in percent with
 * two decimals, rounded half up.
 *
 * @param bills             bills replayed (the period's and every earlier bill of the same persons' year, which the
 *                          accumulators need), reversed ones included
 * @param billsInPeriod     of those, bills in the candidate's region and scheme with a service date in the period and not
 *                          reversed: what the groups count
 * @param billsUnderCandidate of {@code billsInPeriod}, those replayed under the candidate (or refused by it); the others
 *                          are before its effectiveFrom, settled before claims were kept or unreadable (counted as settled)
 *                          — below {@code billsInPeriod}, the result understates the candidate's effect
 * @param billsOutsideRegion in the period, bills of the same persons outside the candidate's region: replayed for their
 *                          shared accumulators, not counted in the groups
 * @param persons           persons with a bill counted in the groups
 * @param groups            the totals by dimension: ALL, SCHEME, VISIT_TYPE, INSTITUTION_LEVEL, ASSISTANCE_CATEGORY, and
 *                          REPLAYED_BY (CANDIDATE, OWN_PACK for bills outside the candidate's region, REFUSED,
 *                          AS_SETTLED for bills that could not be replayed)
 * @param cashRisesMost     up to {@value SimulationTally#TOP_PERSONS} persons whose cash payment in the period rises most
 * @param cashFallsMost     up to {@value SimulationTally#TOP_PERSONS} persons whose cash payment falls most
 * @param refusals          up to {@value SimulationTally#LISTED_REFUSALS} bills the candidate does not cover, with why
 */
public record SimulationResult(long bills, long billsInPeriod, long billsUnderCandidate, long billsOutsideRegion, long persons,
                               List<Group> groups, List<PersonChange> cashRisesMost, List<PersonChange> cashFallsMost,
                               List<Refusal> refusals) {

    /**
     * One group's bills under both packs.
     *
     * @param persons             persons with a bill of the group in the period
     * @param catastrophicPersons persons paid by catastrophic insurance (大病保险) in the group, settled / replayed
     * @param assistedPersons     persons paid medical assistance (医疗救助) in the group, settled / replayed
     */
    public record Group(String dimension, String value, long bills, long persons, Layers settled, Layers replayed,
                        Layers difference, Ratios settledRatios, Ratios replayedRatios, Pair catastrophicPersons,
                        Pair assistedPersons) {
    }

    /** The one-stop bill's layers summed (yuan). {@code fundsPaid} = basic fund + catastrophic + supplementary + assistance. */
    public record Layers(Money total, Money fullSelfPay, Money priorSelfPay, Money policyScope, Money deductible, Money basicFund,
                         Money catastrophic, Money supplementary, Money assistance, Money fundsPaid, Money personalAccount,
                         Money cash) {
    }

    /**
     * The reimbursement ratios (percent), null when the denominator is zero.
     *
     * @param policyScope 政策范围内报销比例: funds paid / policy-scope cost
     * @param overall     实际报销比例: funds paid / total cost
     * @param basicPolicyScope the basic fund alone / policy-scope cost (统筹基金政策范围内支付比例)
     */
    public record Ratios(BigDecimal policyScope, BigDecimal overall, BigDecimal basicPolicyScope) {
    }

    /** A count as settled and as replayed. */
    public record Pair(long settled, long replayed) {
    }

    /** A person's cash payment (现金支付) in the period, settled and replayed; the id masked. */
    public record PersonChange(String person, long bills, Money settledCash, Money replayedCash, Money difference) {
    }

    /** A bill the candidate does not cover. */
    public record Refusal(String settlementId, String visitType, String reason) {
    }
}
