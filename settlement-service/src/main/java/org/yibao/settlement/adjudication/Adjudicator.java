package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceLimit;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;
import org.yibao.settlement.adjudication.CalculationStep.Layer;
import org.yibao.settlement.policy.AssistanceRules;
import org.yibao.settlement.policy.CatastrophicRules;
import org.yibao.settlement.policy.DeductibleBasis;
import org.yibao.settlement.policy.OutOfAreaRules;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.SupplementaryRules;
import org.yibao.settlement.policy.VisitRules;
import org.yibao.settlement.policy.ZeroPayRule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.yibao.settlement.adjudication.CalculationSteps.percent;
import static org.yibao.settlement.adjudication.CalculationSteps.yuan;

/**
 * The one-stop adjudication (一站式结算) of one encounter, in the order of DESIGN.md: total, full
 * self-pay, prior self-pay, policy scope, deductible, basic fund, catastrophic insurance,
 * supplementary insurance, medical assistance, personal account, cash. Pure: no I/O, no clock; the
 * caller supplies the person's year-to-date accumulators and persists the returned delta.
 *
 * <p>Every layer is rounded once, half up, to the fen; cash is what is left, so the layers always add
 * up to the total exactly.
 */
public final class Adjudicator {

    private static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /**
     * Splits the claim layer by layer, in the order above (each layer a method below, numbered as in
     * DESIGN.md); a visit the pack does not cover is refused with a {@link NotCoveredException}.
     */
    public Adjudication adjudicate(Claim claim, Accumulators yearToDate, PolicyPack pack) {
        VisitRules visit = pack.rulesFor(claim.visitType())
                .orElseThrow(() -> new NotCoveredException(pack.label() + " has no rules for " + claim.visitType()));
        if (visit.paidByFixedAmount()) {
            return fixedPayment(claim, visit, pack);
        }
        Terms terms = terms(claim, pack);
        Optional<AssistanceCategory> category = claim.assistanceCategory();
        List<AdjudicatedLine> lines = paidInFull(priceLines(claim.lines(), pack.priorSelfPayRatio()), claim, pack);

        Money total = total(lines);
        Money fullSelfPay = fullSelfPay(lines);
        Money priorSelfPay = priorSelfPay(lines);
        Money policyScope = policyScope(total, fullSelfPay, priorSelfPay);
        PaidInFull paidInFull = paidInFullByPool(lines, pack);
        Money ratedScope = policyScope.minus(paidInFull.total());
        Money deductible = deductible(terms, yearToDate, ratedScope);
        Money ratedFund = basicFund(claim, terms, yearToDate, ratedScope.minus(deductible));
        Money basicFund = ratedFund.plus(paidInFull.total());
        Money scopeSelfPay = policyScope.minus(basicFund);
        Money catastrophic = catastrophic(pack, category, yearToDate, scopeSelfPay);
        Supplementary supplementary = supplementary(pack, category, yearToDate, scopeSelfPay.minus(catastrophic), deductible);
        Money remainingScope = scopeSelfPay.minus(catastrophic).minus(supplementary.paid());
        Assistance assistance = assistance(pack, claim.visitType(), category, yearToDate, remainingScope);
        Money owed = total.minus(basicFund).minus(catastrophic).minus(supplementary.paid()).minus(assistance.paid());
        Money personalAccount = personalAccount(claim, owed);
        Money cash = owed.minus(personalAccount);

        SettlementAmounts amounts = new SettlementAmounts(total, fullSelfPay, priorSelfPay, policyScope, deductible,
                basicFund, catastrophic, supplementary.paid(), assistance.paid(), personalAccount, cash);
        String pool = terms.rules().capPool();
        Map<String, Money> fundPaid = new TreeMap<>(paidInFull.byPool());
        fundPaid.merge(pool, ratedFund, Money::plus);
        Accumulators delta = new Accumulators(Map.of(pool, deductible), fundPaid, scopeSelfPay,
                catastrophic, supplementary.base(), supplementary.paid(), assistance.paid());
        List<CalculationStep> steps = CalculationSteps.reconciled(amounts, List.of(
                totalStep(lines, total),
                fullSelfPayStep(total, fullSelfPay),
                priorSelfPayStep(lines, pack, priorSelfPay),
                policyScopeStep(total, fullSelfPay, priorSelfPay, policyScope, paidInFull.total()),
                deductibleStep(claim, terms, yearToDate, ratedScope, deductible, pack),
                basicFundStep(claim, terms, yearToDate, ratedScope.minus(deductible), ratedFund, paidInFull, basicFund, pack),
                catastrophicStep(pack, category, yearToDate, scopeSelfPay, catastrophic),
                supplementaryStep(pack, category, yearToDate, scopeSelfPay.minus(catastrophic), deductible, supplementary),
                assistanceStep(pack, claim.visitType(), category, yearToDate, remainingScope, assistance.paid()),
                personalAccountStep(claim, owed, personalAccount),
                cashStep(owed, personalAccount, cash)));
        return new Adjudication(amounts, lines, delta, pack.label(), assistance.limit(), steps);
    }

    /**
     * A delivery under maternity insurance (生育保险), paid by its fixed amount (定额支付) for the kind of delivery at
     * the institution's level: the maternity fund pays the fixed amount, at most the bill's policy scope (the
     * common rule of fixed payments: a bill below the fixed amount is paid as billed, a bill above it is paid the
     * fixed amount; ASSUMPTION for the seeds' regions, none of which states it); the person pays the rest of
     * the policy scope with full and prior self-pay, from the personal account if asked, else in cash. No
     * deductible, and no catastrophic, supplementary or assistance layer (maternity insurance is a fund of its
     * own; ASSUMPTION: its self-pay does not count towards the catastrophic year). The payment is counted in the
     * visit's pool (e.g. {@code maternity}), which has no cap.
     */
    private static Adjudication fixedPayment(Claim claim, VisitRules rules, PolicyPack pack) {
        DeliveryKind kind = claim.deliveryKind().orElseThrow(() -> new NotCoveredException(claim.visitType()
                + " under " + pack.label() + " is paid by the kind of delivery (deliveryKind), which the bill does not give"));
        Money fixed = rules.fixedPaymentFor(kind, claim.institutionLevel()).orElseThrow(() -> new NotCoveredException(
                pack.label() + " has no fixed payment for a " + kind + " delivery at " + claim.institutionLevel()));
        if (claim.place() != TreatmentPlace.LOCAL) {
            OutOfAreaRules away = rules.outOfArea().orElseThrow(() -> new NotCoveredException(pack.label()
                    + " does not settle " + claim.visitType() + " outside its region directly; the bill needs a manual claim"));
            if (claim.place() == TreatmentPlace.REMOTE_UNFILED && away.unfiledRatioCut().isEmpty()) {
                throw new NotCoveredException(pack.label() + " settles " + claim.visitType()
                        + " outside its region only with a remote-treatment filing (异地就医备案)");
            }
        }
        List<AdjudicatedLine> lines = priceLines(claim.lines(), pack.priorSelfPayRatio());
        Money total = total(lines);
        Money fullSelfPay = fullSelfPay(lines);
        Money priorSelfPay = priorSelfPay(lines);
        Money policyScope = policyScope(total, fullSelfPay, priorSelfPay);
        Money fund = fixed.min(policyScope);
        Money owed = total.minus(fund);
        Money personalAccount = personalAccount(claim, owed);
        SettlementAmounts amounts = new SettlementAmounts(total, fullSelfPay, priorSelfPay, policyScope, Money.ZERO, fund,
                Money.ZERO, Money.ZERO, Money.ZERO, personalAccount, owed.minus(personalAccount));
        Accumulators delta = new Accumulators(Map.of(), Map.of(rules.capPool(), fund), Money.ZERO, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO);
        Money cash = owed.minus(personalAccount);
        List<CalculationStep> steps = CalculationSteps.reconciled(amounts, List.of(
                totalStep(lines, total),
                fullSelfPayStep(total, fullSelfPay),
                priorSelfPayStep(lines, pack, priorSelfPay),
                policyScopeStep(total, fullSelfPay, priorSelfPay, policyScope, Money.ZERO),
                CalculationSteps.step(CalculationStep.Layer.MATERNITY_FIXED_PAYMENT, policyScope, fund).pool(rules.capPool())
                        .limit(fixed, null)
                        .explain("maternity fixed payment per " + pack.label() + ": " + yuan(fixed) + " for a " + kind + " delivery at "
                                + claim.institutionLevel() + ", at most the policy scope " + yuan(policyScope)
                                + "; no deductible, catastrophic, supplementary or assistance layer"),
                personalAccountStep(claim, owed, personalAccount),
                cashStep(owed, personalAccount, cash)));
        return new Adjudication(amounts, lines, delta, pack.label(), Optional.empty(), steps);
    }

    /**
     * What the pack's rules for the visit give this claim: the basic fund's ratio and the deductible
     * at the institution's level, both after the out-of-area rules (异地就医) when treated outside the region.
     */
    private record Terms(VisitRules rules, BigDecimal ratio, Money deductible) {
    }

    /** The claim's terms; a visit the pack does not cover, or covers only by a manual claim, is refused. */
    private static Terms terms(Claim claim, PolicyPack pack) {
        VisitRules rules = pack.rulesFor(claim.visitType())
                .orElseThrow(() -> new NotCoveredException(pack.label() + " has no rules for " + claim.visitType()));
        if (rules.requiresCertification() && !claim.certifiedForADiagnosis()) {
            throw new NotCoveredException(claim.visitType() + " under " + pack.label() + " needs a chronic/special-disease"
                    + " certification (门诊慢特病认定) in force for one of the bill's diagnoses " + claim.diagnosisCodes());
        }
        BigDecimal ratio = rules.ratioFor(claim.personType(), claim.institutionLevel(), claim.assistanceCategory())
                .orElseThrow(() -> new NotCoveredException(pack.label() + " has no " + claim.visitType() + " ratio for "
                        + claim.personType() + " at " + claim.institutionLevel()));
        Money deductibleAtLevel = rules.deductibleFor(claim.personType(), claim.institutionLevel()).orElseThrow();
        if (claim.place() != TreatmentPlace.LOCAL) {
            OutOfAreaRules away = rules.outOfArea().orElseThrow(() -> new NotCoveredException(pack.label()
                    + " does not settle " + claim.visitType() + " outside its region directly; the bill needs a manual claim"));
            BigDecimal cut = claim.place() == TreatmentPlace.REMOTE_FILED
                    ? away.filedRatioCut()
                    : away.unfiledRatioCut().orElseThrow(() -> new NotCoveredException(pack.label() + " settles "
                    + claim.visitType() + " outside its region only with a remote-treatment filing (异地就医备案)"));
            ratio = ratio.subtract(cut).max(BigDecimal.ZERO);
            deductibleAtLevel = away.deductible().orElse(deductibleAtLevel);
        }
        return new Terms(rules, ratio, deductibleAtLevel);
    }

    /** 1: the total, the lines' amounts. */
    private static Money total(List<AdjudicatedLine> lines) {
        return Money.sum(lines.stream().map(AdjudicatedLine::amount).toList());
    }

    /** 2: full self-pay (全自费): class C lines and what is above a catalog price ceiling. */
    private static Money fullSelfPay(List<AdjudicatedLine> lines) {
        return Money.sum(lines.stream().map(AdjudicatedLine::fullSelfPay).toList());
    }

    /** 3: prior self-pay (先行自付): the pack's share of the class B amounts. */
    private static Money priorSelfPay(List<AdjudicatedLine> lines) {
        return Money.sum(lines.stream().map(AdjudicatedLine::priorSelfPay).toList());
    }

    /** 4: the policy scope, what is left for the funds to consider. */
    private static Money policyScope(Money total, Money fullSelfPay, Money priorSelfPay) {
        return total.minus(fullSelfPay).minus(priorSelfPay);
    }

    /**
     * The policy scope of the lines a zero-pay rule covers, by the cap pool each counts towards: the
     * basic fund pays them in full, outside the deductible, the ratio and the cap.
     */
    private record PaidInFull(Map<String, Money> byPool, Money total) {
    }

    private static PaidInFull paidInFullByPool(List<AdjudicatedLine> lines, PolicyPack pack) {
        Map<String, Money> byPool = new TreeMap<>();
        for (AdjudicatedLine line : lines) {
            line.paidInFullBy().ifPresent(rule -> byPool.merge(zeroPayPool(pack, rule), line.policyScope(), Money::plus));
        }
        return new PaidInFull(byPool, Money.sum(List.copyOf(byPool.values())));
    }

    /** 5: the deductible (起付线), per admission or what is left of this year's, within the rated scope. */
    private static Money deductible(Terms terms, Accumulators yearToDate, Money ratedScope) {
        return deductibleDue(terms, yearToDate).min(ratedScope);
    }

    /** The deductible still due before this bill: all of it per admission, else what is left of this year's. */
    private static Money deductibleDue(Terms terms, Accumulators yearToDate) {
        return terms.rules().deductibleBasis() == DeductibleBasis.PER_ADMISSION
                ? terms.deductible()
                : terms.deductible().minus(yearToDate.deductibleUsed(terms.rules().capPool())).max(Money.ZERO);
    }

    /**
     * 6: the basic fund on the rated scope above the deductible, within what is left of the pool's
     * annual cap (the lines paid in full come on top).
     */
    private static Money basicFund(Claim claim, Terms terms, Accumulators yearToDate, Money aboveDeductible) {
        Money fund = aboveDeductible.times(terms.ratio(), ROUNDING);
        Optional<Money> cap = terms.rules().annualCapFor(claim.personType(), claim.tier());
        if (cap.isPresent()) {
            fund = fund.min(cap.get().minus(yearToDate.fundPaid(terms.rules().capPool())).max(Money.ZERO));
        }
        return fund;
    }

    /** 7: catastrophic illness insurance (大病保险) on the cumulative policy-scope self-pay, where the pack has it. */
    private static Money catastrophic(PolicyPack pack, Optional<AssistanceCategory> category, Accumulators yearToDate,
                                      Money scopeSelfPay) {
        return pack.catastrophic()
                .map(c -> catastrophicPayment(c, category, yearToDate, scopeSelfPay))
                .orElse(Money.ZERO);
    }

    /** What supplementary insurance paid, and the base it counted towards the person's year. */
    private record Supplementary(Money base, Money paid) {
        static final Supplementary NONE = new Supplementary(Money.ZERO, Money.ZERO);
    }

    /**
     * 8: supplementary insurance (高额补充 or 困难群众大病补充), where the pack has it for the person's
     * category, on the policy-scope self-pay left after catastrophic insurance.
     */
    private static Supplementary supplementary(PolicyPack pack, Optional<AssistanceCategory> category,
                                               Accumulators yearToDate, Money left, Money deductible) {
        Optional<SupplementaryRules> supp = pack.supplementary()
                .filter(s -> s.eligibleCategories().isEmpty() || category.map(s.eligibleCategories()::contains).orElse(false));
        if (supp.isEmpty()) {
            return Supplementary.NONE;
        }
        SupplementaryRules s = supp.get();
        Money base = left.minus(s.countsDeductible() ? Money.ZERO : deductible).max(Money.ZERO);
        return new Supplementary(base, supplementaryPayment(s, yearToDate, base, left));
    }

    /** What medical assistance paid, and the annual limit it applied (empty when it does not apply). */
    private record Assistance(Money paid, Optional<AssistanceLimit> limit) {
    }

    /** 9: medical assistance (医疗救助) by the person's category on the policy-scope self-pay that remains. */
    private static Assistance assistance(PolicyPack pack, VisitType visitType, Optional<AssistanceCategory> category,
                                         Accumulators yearToDate, Money remainingScope) {
        Optional<AssistanceRules.Share> share = pack.assistance().flatMap(a -> category.map(a.byCategory()::get));
        Money paid = share.map(s -> assistancePayment(s, visitType, yearToDate, remainingScope)).orElse(Money.ZERO);
        Optional<AssistanceLimit> limit = share.map(s -> new AssistanceLimit(category.orElseThrow(),
                s.annualLimit(), s.annualLimit().minus(yearToDate.assistancePaid()).minus(paid).max(Money.ZERO)));
        return new Assistance(paid, limit);
    }

    /** 10: the personal account pays what the person still owes, up to what they asked it to pay; 11, cash, is the rest. */
    private static Money personalAccount(Claim claim, Money owed) {
        return claim.personalAccountAvailable().min(owed);
    }

    /**
     * Prices each line: its amount, the part above the catalog ceiling and class C lines as full
     * self-pay, and the class B share as prior self-pay. The prior self-pay layer is rounded once
     * over all class B lines and shared out to the lines by largest remainder (each line gets its
     * share rounded down, and the fen left over go to the lines with the largest fractions), so that
     * the lines add up to the layer and none is negative.
     */
    private static List<AdjudicatedLine> priceLines(List<BillLine> lines, BigDecimal classBRatio) {
        int n = lines.size();
        List<Money> amounts = new ArrayList<>(n);
        List<Money> withinCeiling = new ArrayList<>(n);
        List<BigDecimal> exactPrior = new ArrayList<>(n);
        BigDecimal exactPriorTotal = BigDecimal.ZERO;
        for (BillLine line : lines) {
            Money amount = line.amount();
            Price unitWithin = line.priceCeiling().map(Price::of).map(line.unitPrice()::min).orElse(line.unitPrice());
            Money within = line.wholeSelfPaid()
                    ? Money.ZERO
                    : Money.rounded(unitWithin.amount().multiply(line.quantity()), ROUNDING).min(amount);
            // class 乙 only: the catalog's own ratio where it states one (selfpay_prop), else the pack's
            BigDecimal ratio = line.itemClass() != ItemClass.B ? BigDecimal.ZERO : line.priorSelfPayRatio().orElse(classBRatio);
            BigDecimal prior = within.amount().multiply(ratio);
            amounts.add(amount);
            withinCeiling.add(within);
            exactPrior.add(prior);
            exactPriorTotal = exactPriorTotal.add(prior);
        }
        Money priorLayer = Money.rounded(exactPriorTotal, ROUNDING);
        List<Money> priorShares = new ArrayList<>(n);
        Money floored = Money.ZERO;
        for (BigDecimal exact : exactPrior) {
            Money down = Money.rounded(exact, RoundingMode.DOWN);
            priorShares.add(down);
            floored = floored.plus(down);
        }
        long leftoverFen = priorLayer.minus(floored).fen();
        List<Integer> byFraction = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byFraction.add(i);
        }
        byFraction.sort((a, b) -> exactPrior.get(b).subtract(priorShares.get(b).amount())
                .compareTo(exactPrior.get(a).subtract(priorShares.get(a).amount())));
        for (int k = 0; k < leftoverFen; k++) {
            int i = byFraction.get(k);
            priorShares.set(i, priorShares.get(i).plus(Money.ofFen(1)));
        }
        List<AdjudicatedLine> priced = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            priced.add(new AdjudicatedLine(lines.get(i), amounts.get(i), amounts.get(i).minus(withinCeiling.get(i)),
                    priorShares.get(i), Optional.empty()));
        }
        return priced;
    }

    /** Marks the lines a zero-pay rule of the pack covers for this person and visit. */
    private static List<AdjudicatedLine> paidInFull(List<AdjudicatedLine> lines, Claim claim, PolicyPack pack) {
        List<ZeroPayRule> applicable = pack.zeroPay().stream()
                .filter(r -> r.visitTypes().contains(claim.visitType()))
                .filter(r -> claim.certifiedDiseases().stream().anyMatch(r::coversDisease))
                .toList();
        if (applicable.isEmpty()) {
            return lines;
        }
        List<AdjudicatedLine> marked = new ArrayList<>(lines.size());
        for (AdjudicatedLine line : lines) {
            BillLine b = line.line();
            Optional<ZeroPayRule> rule = applicable.stream()
                    .filter(r -> !b.wholeSelfPaid() && b.itemClass() == r.itemClass() && (b.vbp() || !r.vbpOnly())
                            && b.catalogs().contains(r.catalog()))
                    .findFirst();
            marked.add(rule.map(r -> line.paidInFullBy(r.name())).orElse(line));
        }
        return marked;
    }

    private static String zeroPayPool(PolicyPack pack, String ruleName) {
        return pack.zeroPay().stream().filter(r -> r.name().equals(ruleName)).findFirst().orElseThrow().capPool();
    }

    private static Money catastrophicPayment(CatastrophicRules rules, Optional<AssistanceCategory> category,
                                             Accumulators yearToDate, Money scopeSelfPay) {
        Optional<CatastrophicRules.Tilt> tilt = category.map(rules.tilts()::get);
        BigDecimal threshold = tilt.map(CatastrophicRules.Tilt::threshold).orElse(rules.threshold()).amount();
        BigDecimal before = yearToDate.policyScopeSelfPay().amount();
        BigDecimal after = before.add(scopeSelfPay.amount());
        BigDecimal owed = bandedPayment(rules, tilt, threshold, after).subtract(bandedPayment(rules, tilt, threshold, before));
        Money payment = Money.rounded(owed.max(BigDecimal.ZERO), ROUNDING).min(scopeSelfPay);
        boolean capped = rules.annualCap().isPresent() && tilt.map(t -> !t.noCap()).orElse(true);
        if (capped) {
            payment = payment.min(rules.annualCap().get().minus(yearToDate.catastrophicPaid()).max(Money.ZERO));
        }
        return payment;
    }

    /** What the bands pay in all on a cumulative self-pay, unrounded. */
    private static BigDecimal bandedPayment(CatastrophicRules rules, Optional<CatastrophicRules.Tilt> tilt,
                                            BigDecimal threshold, BigDecimal cumulative) {
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal bandStart = threshold;
        for (CatastrophicRules.Band band : rules.bands()) {
            if (cumulative.compareTo(bandStart) <= 0) {
                break;
            }
            BigDecimal start = bandStart;
            BigDecimal bandEnd = band.width().map(w -> start.add(w.amount())).orElse(null);
            BigDecimal top = bandEnd == null ? cumulative : cumulative.min(bandEnd);
            paid = paid.add(top.subtract(bandStart).multiply(bandRatio(band, tilt)));
            if (bandEnd == null) {
                break;
            }
            bandStart = bandEnd;
        }
        return paid;
    }

    private static BigDecimal bandRatio(CatastrophicRules.Band band, Optional<CatastrophicRules.Tilt> tilt) {
        if (tilt.isEmpty()) {
            return band.ratio();
        }
        CatastrophicRules.Tilt t = tilt.get();
        BigDecimal ratio = t.ratio().orElse(band.ratio().add(t.ratioBonus().orElse(BigDecimal.ZERO)));
        return ratio.min(BigDecimal.ONE);
    }

    private static Money supplementaryPayment(SupplementaryRules rules, Accumulators yearToDate, Money base, Money limit) {
        BigDecimal threshold = rules.threshold().amount();
        BigDecimal before = yearToDate.supplementaryBase().amount();
        BigDecimal after = before.add(base.amount());
        BigDecimal over = after.subtract(threshold).max(BigDecimal.ZERO).subtract(before.subtract(threshold).max(BigDecimal.ZERO));
        Money payment = Money.rounded(over.multiply(rules.ratio()), ROUNDING).min(limit);
        if (rules.annualCap().isPresent()) {
            payment = payment.min(rules.annualCap().get().minus(yearToDate.supplementaryPaid()).max(Money.ZERO));
        }
        return payment.max(Money.ZERO);
    }

    /** The category's ratio for the visit type (its own, where the pack gives one) on what remains, within the year's limit. */
    private static Money assistancePayment(AssistanceRules.Share share, VisitType visitType, Accumulators yearToDate,
                                           Money remainingScope) {
        Money left = share.annualLimit().minus(yearToDate.assistancePaid()).max(Money.ZERO);
        return remainingScope.times(share.ratioFor(visitType), ROUNDING).min(left).max(Money.ZERO);
    }

    // --- the calculation trace (计算过程): a step per layer, from the values the layers were computed with ---

    private static CalculationStep totalStep(List<AdjudicatedLine> lines, Money total) {
        return CalculationSteps.step(Layer.TOTAL, total, total)
                .explain("total of " + lines.size() + (lines.size() == 1 ? " line" : " lines") + ": " + yuan(total));
    }

    private static CalculationStep fullSelfPayStep(Money total, Money fullSelfPay) {
        return CalculationSteps.step(Layer.FULL_SELF_PAY, total, fullSelfPay)
                .explain("full self-pay: class C lines, lines outside their restricted scope and amounts above a catalog price"
                        + " ceiling, " + yuan(fullSelfPay) + " of " + yuan(total));
    }

    /** The base is the class B amount within the ceilings; the ratio is the pack's unless a line has the catalog's own. */
    private static CalculationStep priorSelfPayStep(List<AdjudicatedLine> lines, PolicyPack pack, Money priorSelfPay) {
        List<AdjudicatedLine> classB = lines.stream().filter(l -> l.line().itemClass() == ItemClass.B).toList();
        Money base = Money.sum(classB.stream().map(l -> l.amount().minus(l.fullSelfPay())).toList());
        boolean ownRatios = classB.stream().anyMatch(l -> l.line().priorSelfPayRatio().isPresent());
        BigDecimal ratio = ownRatios ? null : pack.priorSelfPayRatio();
        return CalculationSteps.step(Layer.PRIOR_SELF_PAY, base, priorSelfPay).ratio(ratio)
                .explain("prior self-pay " + (ownRatios
                        ? "at the catalog's own ratios (selfpay_prop) where stated, else " + percent(pack.priorSelfPayRatio())
                        + " per " + pack.label()
                        : percent(pack.priorSelfPayRatio()) + " per " + pack.label()) + " of the class B amount " + yuan(base)
                        + " within the ceilings: " + yuan(priorSelfPay));
    }

    private static CalculationStep policyScopeStep(Money total, Money fullSelfPay, Money priorSelfPay, Money policyScope,
                                                   Money paidInFull) {
        return CalculationSteps.step(Layer.POLICY_SCOPE, total, policyScope)
                .paidInFull(paidInFull.isZero() ? null : paidInFull)
                .explain("policy scope: total " + yuan(total) + " - full self-pay " + yuan(fullSelfPay) + " - prior self-pay "
                        + yuan(priorSelfPay) + " = " + yuan(policyScope)
                        + (paidInFull.isZero() ? "" : ", of which " + yuan(paidInFull) + " paid in full under a zero-pay rule"));
    }

    private static CalculationStep deductibleStep(Claim claim, Terms terms, Accumulators yearToDate, Money ratedScope,
                                                  Money deductible, PolicyPack pack) {
        String pool = terms.rules().capPool();
        Money due = deductibleDue(terms, yearToDate);
        CalculationSteps.Builder step = CalculationSteps.step(Layer.DEDUCTIBLE, ratedScope, deductible).pool(pool).deductibleDue(due);
        String where = " at " + claim.institutionLevel() + place(claim);
        if (terms.rules().deductibleBasis() == DeductibleBasis.PER_ADMISSION) {
            return step.explain("deductible per " + pack.label() + ": " + yuan(terms.deductible()) + " per admission" + where
                    + ", pool " + pool + ", within the rated scope " + yuan(ratedScope) + ": " + yuan(deductible));
        }
        Money used = yearToDate.deductibleUsed(pool);
        return step.accumulated(used, used.plus(deductible))
                .explain("deductible per " + pack.label() + ": " + yuan(terms.deductible()) + " a year" + where + ", pool " + pool
                        + ", " + yuan(used) + " used before, " + yuan(due) + " due, within the rated scope " + yuan(ratedScope)
                        + ": " + yuan(deductible));
    }

    private static CalculationStep basicFundStep(Claim claim, Terms terms, Accumulators yearToDate, Money aboveDeductible,
                                                 Money ratedFund, PaidInFull paidInFull, Money basicFund, PolicyPack pack) {
        String pool = terms.rules().capPool();
        Money before = yearToDate.fundPaid(pool);
        Optional<Money> cap = terms.rules().annualCapFor(claim.personType(), claim.tier());
        Money left = cap.map(c -> c.minus(before).max(Money.ZERO)).orElse(null);
        Money inPool = ratedFund.plus(paidInFull.byPool().getOrDefault(pool, Money.ZERO));
        String capText = cap.map(c -> "cap " + yuan(c) + " of which " + yuan(left) + " left").orElse("no annual cap");
        boolean capped = left != null && aboveDeductible.times(terms.ratio(), ROUNDING).compareTo(left) > 0;
        return CalculationSteps.step(Layer.BASIC_FUND, aboveDeductible, basicFund).ratio(terms.ratio()).pool(pool)
                .cap(cap.orElse(null), left).paidInFull(paidInFull.total().isZero() ? null : paidInFull.total())
                .accumulated(before, before.plus(inPool))
                .explain("basic fund per " + pack.label() + ": " + percent(terms.ratio()) + " of " + yuan(aboveDeductible)
                        + " above the deductible (" + claim.personType() + " at " + claim.institutionLevel() + place(claim)
                        + "), pool " + pool + ", " + capText + (capped ? ", limited by the cap" : "") + ": " + yuan(ratedFund)
                        + (paidInFull.total().isZero() ? "" : "; plus " + yuan(paidInFull.total())
                        + " paid in full under a zero-pay rule, outside deductible, ratio and cap, = " + yuan(basicFund)));
    }

    private static CalculationStep catastrophicStep(PolicyPack pack, Optional<AssistanceCategory> category,
                                                    Accumulators yearToDate, Money scopeSelfPay, Money catastrophic) {
        CalculationSteps.Builder step = CalculationSteps.step(Layer.CATASTROPHIC, scopeSelfPay, catastrophic);
        if (pack.catastrophic().isEmpty()) {
            return step.explain(pack.label() + " has no catastrophic illness insurance");
        }
        CatastrophicRules rules = pack.catastrophic().get();
        Optional<CatastrophicRules.Tilt> tilt = category.map(rules.tilts()::get);
        Money threshold = tilt.map(CatastrophicRules.Tilt::threshold).orElse(rules.threshold());
        List<CalculationStep.Band> bands = new ArrayList<>();
        Money start = threshold;
        for (CatastrophicRules.Band band : rules.bands()) {
            Money end = band.width().map(start::plus).orElse(null);
            bands.add(new CalculationStep.Band(start, end, bandRatio(band, tilt)));
            if (end == null) {
                break;
            }
            start = end;
        }
        boolean capped = rules.annualCap().isPresent() && tilt.map(t -> !t.noCap()).orElse(true);
        Money left = capped ? rules.annualCap().get().minus(yearToDate.catastrophicPaid()).max(Money.ZERO) : null;
        Money before = yearToDate.policyScopeSelfPay();
        Money after = before.plus(scopeSelfPay);
        StringBuilder text = new StringBuilder("catastrophic insurance per ").append(pack.label())
                .append(tilt.isPresent() ? " (tilted for " + category.orElseThrow() + ")" : "")
                .append(": cumulative policy-scope self-pay ").append(yuan(before)).append(" -> ").append(yuan(after))
                .append(" against the threshold ").append(yuan(threshold)).append(", bands ");
        for (int i = 0; i < bands.size(); i++) {
            CalculationStep.Band b = bands.get(i);
            text.append(i == 0 ? "" : ", ").append(b.to() == null ? "above " + yuan(b.from()) : yuan(b.from()) + "-" + yuan(b.to()))
                    .append(" at ").append(percent(b.ratio()));
        }
        text.append(", ").append(capped ? "cap " + yuan(rules.annualCap().get()) + " of which " + yuan(left) + " left" : "no cap")
                .append(": ").append(yuan(catastrophic));
        return step.threshold(threshold).bands(bands).cap(capped ? rules.annualCap().get() : null, left)
                .accumulated(before, after).explain(text.toString());
    }

    private static CalculationStep supplementaryStep(PolicyPack pack, Optional<AssistanceCategory> category,
                                                     Accumulators yearToDate, Money left, Money deductible,
                                                     Supplementary supplementary) {
        if (pack.supplementary().isEmpty()) {
            return CalculationSteps.step(Layer.SUPPLEMENTARY, left, supplementary.paid())
                    .explain(pack.label() + " has no supplementary insurance");
        }
        SupplementaryRules rules = pack.supplementary().get();
        boolean eligible = rules.eligibleCategories().isEmpty() || category.map(rules.eligibleCategories()::contains).orElse(false);
        if (!eligible) {
            return CalculationSteps.step(Layer.SUPPLEMENTARY, left, supplementary.paid())
                    .explain("supplementary insurance of " + pack.label() + " is only for " + new java.util.TreeSet<>(rules.eligibleCategories())
                            + category.map(c -> ", not " + c).orElse(", and the person has no assistance category"));
        }
        Money before = yearToDate.supplementaryBase();
        Money capLeft = rules.annualCap().map(c -> c.minus(yearToDate.supplementaryPaid()).max(Money.ZERO)).orElse(null);
        return CalculationSteps.step(Layer.SUPPLEMENTARY, supplementary.base(), supplementary.paid()).ratio(rules.ratio())
                .threshold(rules.threshold()).cap(rules.annualCap().orElse(null), capLeft)
                .accumulated(before, before.plus(supplementary.base()))
                .explain("supplementary insurance per " + pack.label() + ": " + percent(rules.ratio()) + " of cumulative self-pay "
                        + yuan(before) + " -> " + yuan(before.plus(supplementary.base())) + " above the threshold "
                        + yuan(rules.threshold()) + (rules.countsDeductible() ? "" : " (the deductible " + yuan(deductible)
                        + " not counted)") + ", at most the self-pay left " + yuan(left) + ", "
                        + rules.annualCap().map(c -> "cap " + yuan(c) + " of which " + yuan(capLeft) + " left").orElse("no cap")
                        + ": " + yuan(supplementary.paid()));
    }

    private static CalculationStep assistanceStep(PolicyPack pack, VisitType visitType, Optional<AssistanceCategory> category,
                                                  Accumulators yearToDate, Money remainingScope, Money paid) {
        CalculationSteps.Builder step = CalculationSteps.step(Layer.ASSISTANCE, remainingScope, paid);
        if (category.isEmpty()) {
            return step.explain("no medical assistance: the person has no assistance category on the service date");
        }
        Optional<AssistanceRules.Share> share = pack.assistance().map(a -> a.byCategory().get(category.get()));
        if (share.isEmpty()) {
            return step.explain(pack.label() + " pays no medical assistance to " + category.get());
        }
        AssistanceRules.Share s = share.get();
        Money before = yearToDate.assistancePaid();
        Money left = s.annualLimit().minus(before).max(Money.ZERO);
        BigDecimal ratio = s.ratioFor(visitType);
        return step.ratio(ratio).limit(s.annualLimit(), left).accumulated(before, before.plus(paid))
                .explain("medical assistance per " + pack.label() + ": " + percent(ratio) + " for " + category.get() + " ("
                        + visitType + ") of the policy-scope self-pay left " + yuan(remainingScope) + ", annual limit "
                        + yuan(s.annualLimit()) + " of which " + yuan(left) + " left: " + yuan(paid));
    }

    private static CalculationStep personalAccountStep(Claim claim, Money owed, Money personalAccount) {
        return CalculationSteps.step(Layer.PERSONAL_ACCOUNT, owed, personalAccount).limit(claim.personalAccountAvailable(), null)
                .explain("personal account: what the person owes after the funds, " + yuan(owed) + ", up to the "
                        + yuan(claim.personalAccountAvailable()) + " asked within the balance: " + yuan(personalAccount));
    }

    private static CalculationStep cashStep(Money owed, Money personalAccount, Money cash) {
        return CalculationSteps.step(Layer.CASH, owed, cash)
                .explain("cash: " + yuan(owed) + " owed - personal account " + yuan(personalAccount) + " = " + yuan(cash));
    }

    private static String place(Claim claim) {
        return claim.place() == TreatmentPlace.LOCAL ? "" : ", treated outside the region " + claim.place();
    }
}
