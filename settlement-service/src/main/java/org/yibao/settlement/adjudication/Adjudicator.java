package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceLimit;
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

    public Adjudication adjudicate(Claim claim, Accumulators yearToDate, PolicyPack pack) {
        VisitRules rules = pack.rulesFor(claim.visitType())
                .orElseThrow(() -> new NotCoveredException(pack.label() + " has no rules for " + claim.visitType()));
        if (rules.requiresCertification() && !claim.certifiedForADiagnosis()) {
            throw new NotCoveredException(claim.visitType() + " under " + pack.label() + " needs a chronic/special-disease"
                    + " certification (门诊慢特病认定) in force for one of the bill's diagnoses " + claim.diagnosisCodes());
        }
        Optional<AssistanceCategory> category = claim.assistanceCategory();
        BigDecimal ratio = rules.ratioFor(claim.personType(), claim.institutionLevel(), category)
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

        // 1-4: total, full self-pay, prior self-pay, policy scope
        List<AdjudicatedLine> lines = paidInFull(priceLines(claim.lines(), pack.priorSelfPayRatio()), claim, pack);
        Money total = Money.sum(lines.stream().map(AdjudicatedLine::amount).toList());
        Money fullSelfPay = Money.sum(lines.stream().map(AdjudicatedLine::fullSelfPay).toList());
        Money priorSelfPay = Money.sum(lines.stream().map(AdjudicatedLine::priorSelfPay).toList());
        Money policyScope = total.minus(fullSelfPay).minus(priorSelfPay);
        // lines a zero-pay rule covers are paid in full, outside the deductible, the ratio and the cap
        Map<String, Money> paidInFull = new TreeMap<>();
        for (AdjudicatedLine line : lines) {
            line.paidInFullBy().ifPresent(rule -> paidInFull.merge(zeroPayPool(pack, rule), line.policyScope(), Money::plus));
        }
        Money paidInFullTotal = Money.sum(List.copyOf(paidInFull.values()));
        Money ratedScope = policyScope.minus(paidInFullTotal);

        // 5: deductible, per admission or what is left of this year's
        String pool = rules.capPool();
        Money deductibleDue = rules.deductibleBasis() == DeductibleBasis.PER_ADMISSION
                ? deductibleAtLevel
                : deductibleAtLevel.minus(yearToDate.deductibleUsed(pool)).max(Money.ZERO);
        Money deductible = deductibleDue.min(ratedScope);

        // 6: basic fund, within what is left of the pool's annual cap, plus the lines paid in full
        Money ratedFund = ratedScope.minus(deductible).times(ratio, ROUNDING);
        Optional<Money> cap = rules.annualCapFor(claim.personType(), claim.tier());
        if (cap.isPresent()) {
            ratedFund = ratedFund.min(cap.get().minus(yearToDate.fundPaid(pool)).max(Money.ZERO));
        }
        Money basicFund = ratedFund.plus(paidInFullTotal);
        Money scopeSelfPay = policyScope.minus(basicFund);

        // 7: catastrophic insurance on the cumulative policy-scope self-pay
        Money catastrophic = pack.catastrophic()
                .map(c -> catastrophic(c, category, yearToDate, scopeSelfPay))
                .orElse(Money.ZERO);

        // 8: supplementary insurance
        Money supplementaryBase = Money.ZERO;
        Money supplementary = Money.ZERO;
        Optional<SupplementaryRules> supp = pack.supplementary()
                .filter(s -> s.eligibleCategories().isEmpty() || category.map(s.eligibleCategories()::contains).orElse(false));
        if (supp.isPresent()) {
            SupplementaryRules s = supp.get();
            supplementaryBase = scopeSelfPay.minus(catastrophic).minus(s.countsDeductible() ? Money.ZERO : deductible).max(Money.ZERO);
            supplementary = supplementary(s, yearToDate, supplementaryBase, scopeSelfPay.minus(catastrophic));
        }

        // 9: medical assistance on the policy-scope self-pay that remains
        Money remainingScope = scopeSelfPay.minus(catastrophic).minus(supplementary);
        Optional<AssistanceRules.Share> assistanceShare = pack.assistance().flatMap(a -> category.map(a.byCategory()::get));
        Money assistance = assistanceShare.map(share -> assistance(share, yearToDate, remainingScope)).orElse(Money.ZERO);
        Optional<AssistanceLimit> assistanceLimit = assistanceShare.map(share -> new AssistanceLimit(category.orElseThrow(),
                share.annualLimit(), share.annualLimit().minus(yearToDate.assistancePaid()).minus(assistance).max(Money.ZERO)));

        // 10-11: personal account, then cash
        Money owed = total.minus(basicFund).minus(catastrophic).minus(supplementary).minus(assistance);
        Money personalAccount = claim.personalAccountAvailable().min(owed);
        Money cash = owed.minus(personalAccount);

        SettlementAmounts amounts = new SettlementAmounts(total, fullSelfPay, priorSelfPay, policyScope, deductible,
                basicFund, catastrophic, supplementary, assistance, personalAccount, cash);
        Map<String, Money> fundPaid = new TreeMap<>(paidInFull);
        fundPaid.merge(pool, ratedFund, Money::plus);
        Accumulators delta = new Accumulators(Map.of(pool, deductible), fundPaid, scopeSelfPay,
                catastrophic, supplementaryBase, supplementary, assistance);
        return new Adjudication(amounts, lines, delta, pack.label(), assistanceLimit);
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
            Money within = line.itemClass() == ItemClass.C
                    ? Money.ZERO
                    : Money.rounded(unitWithin.amount().multiply(line.quantity()), ROUNDING).min(amount);
            BigDecimal prior = line.itemClass() == ItemClass.B ? within.amount().multiply(classBRatio) : BigDecimal.ZERO;
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
                    .filter(r -> b.itemClass() == r.itemClass() && (b.vbp() || !r.vbpOnly()) && b.catalogs().contains(r.catalog()))
                    .findFirst();
            marked.add(rule.map(r -> line.paidInFullBy(r.name())).orElse(line));
        }
        return marked;
    }

    private static String zeroPayPool(PolicyPack pack, String ruleName) {
        return pack.zeroPay().stream().filter(r -> r.name().equals(ruleName)).findFirst().orElseThrow().capPool();
    }

    private static Money catastrophic(CatastrophicRules rules, Optional<AssistanceCategory> category,
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

    private static Money supplementary(SupplementaryRules rules, Accumulators yearToDate, Money base, Money limit) {
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

    private static Money assistance(AssistanceRules.Share share, Accumulators yearToDate, Money remainingScope) {
        Money left = share.annualLimit().minus(yearToDate.assistancePaid()).max(Money.ZERO);
        return remainingScope.times(share.ratio(), ROUNDING).min(left).max(Money.ZERO);
    }
}
