package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceLimit;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;
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
        Assistance assistance = assistance(pack, claim.visitType(), category, yearToDate,
                scopeSelfPay.minus(catastrophic).minus(supplementary.paid()));
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
        return new Adjudication(amounts, lines, delta, pack.label(), assistance.limit());
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
        return new Adjudication(amounts, lines, delta, pack.label(), Optional.empty());
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
        Money due = terms.rules().deductibleBasis() == DeductibleBasis.PER_ADMISSION
                ? terms.deductible()
                : terms.deductible().minus(yearToDate.deductibleUsed(terms.rules().capPool())).max(Money.ZERO);
        return due.min(ratedScope);
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
}
