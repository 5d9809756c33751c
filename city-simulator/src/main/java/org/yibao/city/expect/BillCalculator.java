package org.yibao.city.expect;

import org.yibao.city.model.Encounter;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulator's own calculation of a one-stop bill from the policy pack, the person as the city
 * knows them and their year so far, in DESIGN.md's order ("Settlement: the adjudication order"); every
 * layer is rounded HALF_UP once, to the fen, and cash is what is left. Written from the design and the
 * pack's documented semantics (ADR 0007), not from the platform's adjudicator, so that the books can
 * check settlement's answers against something other than settlement.
 *
 * <p>Readings of the design this calculation takes (where the design leaves room, the report names them):
 * <ul>
 *   <li>an item off the catalog is paid in full by the person, as class C; an amount above a class A or B
 *       item's price ceiling (the institution level's own where the catalog states one) is full self-pay, and
 *       the rest of the line keeps its class;</li>
 *   <li>a line whose restricted-payment condition (限定支付范围) the bill does not meet is paid in full by the
 *       person, like class C ({@link CatalogTerms});</li>
 *   <li>prior self-pay is each class B line's amount within its ceiling times the item's own ratio
 *       (selfpay_prop) where the catalog states one, else the pack's, summed over the bill and rounded once;</li>
 *   <li>a yearly deductible is one per cap pool: a bill owes its level's deductible less what the pool's
 *       earlier bills used (visit types sharing a pool share it); an admission owes its whole deductible;</li>
 *   <li>the catastrophic layer is on the year's cumulative policy-scope self-pay after the basic fund,
 *       deductible included, over all visit types; a bill gets what its self-pay adds to the banded
 *       payment, the bands being widths above the (tilted) threshold, a tilt's ratio bonus added to each;</li>
 *   <li>the supplementary layer is on the same cumulative self-pay (less the deductible where the pack says
 *       it does not count), above its threshold;</li>
 *   <li>medical assistance is on the policy-scope self-pay that remains after the insurance layers;</li>
 *   <li>the personal account is not this class's: the bill's layers come with none, and {@link OwnCalculation} pays
 *       from its own account min(asked, balance, cash) (ADR 0020);</li>
 *   <li>a delivery is paid by its fixed amount, at most its policy scope (ADR 0022).</li>
 * </ul>
 */
public final class BillCalculator {

    private final PolicyPacks packs;
    private final CatalogTerms catalog;

    /** A calculator for bills of the city's own items alone. */
    public BillCalculator(PolicyPacks packs) {
        this(packs, CatalogTerms.cityItemsOnly());
    }

    public BillCalculator(PolicyPacks packs, CatalogTerms catalog) {
        this.packs = packs;
        this.catalog = catalog;
    }

    public Expectation expect(Insured person, Encounter bill, YearToDate year) {
        PolicyPack pack = packs.inForce(person.scheme(), person.regionCode(), bill.date());
        if (pack == null) {
            return new Expectation.NotModelled("no pack of the simulator's for " + person.scheme() + " in " + person.regionCode());
        }
        if (pack.zeroPayRules() > 0) {
            return new Expectation.NotModelled("the pack's zero-pay rules");
        }
        if (!PolicyPacks.contains(pack.regionCode(), bill.institution().regionCode())) {
            return new Expectation.NotModelled("remote settlement (out-of-area rules)");
        }
        PolicyPack.Visit rules = pack.visits().get(bill.visitType());
        if (rules == null) {
            return new Expectation.Refusal("the pack has no rules for " + bill.visitType());
        }
        if (!rules.fixedPayment().isEmpty()) {
            return delivery(pack, rules, bill, person);
        }
        if (rules.requiresCertification() && !person.certifiedFor(bill.diagnoses())) {
            return new Expectation.Refusal("no certification covers " + bill.diagnoses());
        }
        InstitutionLevel level = bill.institution().level();
        Money deductibleOfLevel = rules.deductible(person.type(), level);
        BigDecimal ratio = rules.ratio(person.type(), level);
        if (deductibleOfLevel == null || ratio == null) {
            return new Expectation.NotModelled("no deductible or ratio for " + person.type() + " at " + level);
        }
        // what shaped the bill, so that the report can show which rules the checked bills exercised
        Set<String> shaped = new TreeSet<>();
        AssistanceCategory category = person.category();
        if (category != null && rules.tiltRatio().containsKey(category)) {
            ratio = rules.tiltRatio().get(category);
            shaped.add("ratio tilted for " + category);
        }

        // 1-4: total, full self-pay (class C, off the catalog, outside a restricted-payment condition, above a
        // ceiling), prior self-pay (class B at the item's own ratio, else the pack's), policy scope
        Scope scope = scope(pack, bill, person, shaped);
        Money t = scope.total();
        Money f = scope.fullSelfPay();
        Money p = scope.priorSelfPay();
        Money s = scope.policyScope();

        // 5: what remains of the deductible (the pool's year, or this admission's)
        boolean perYear = rules.deductibleBasis() == PolicyPack.DeductibleBasis.PER_YEAR;
        Money remaining = perYear ? deductibleOfLevel.minus(year.deductibleUsed(rules.capPool())).max(Money.ZERO) : deductibleOfLevel;
        Money d = remaining.min(s);
        if (perYear && year.deductibleUsed(rules.capPool()).isPositive()) {
            shaped.add(d.isZero() ? "the pool's deductible used up by earlier bills" : "the pool's deductible partly used by earlier bills");
        }
        if (d.compareTo(s) == 0 && s.isPositive()) {
            shaped.add("all of the scope within the deductible");
        }

        // 6: the basic fund within what remains of the pool's annual cap
        Money fund = round(s.minus(d).amount().multiply(ratio), shaped, "basic fund");
        Money cap = rules.annualCap() == null ? null : rules.annualCap().of(person.type(), person.tier());
        if (cap != null && cap.minus(year.fundPaid(rules.capPool())).compareTo(fund) < 0) {
            fund = cap.minus(year.fundPaid(rules.capPool())).max(Money.ZERO);
            shaped.add("the basic fund stopped at the annual cap");
        }
        Money selfPay = s.minus(fund);
        Money selfPayAboveDeductible = s.minus(d).minus(fund);

        // 7: catastrophic, on the year's cumulative policy-scope self-pay
        Money catastrophic = Money.ZERO;
        if (pack.catastrophic() != null) {
            catastrophic = catastrophic(pack.catastrophic(), category, year, selfPay).min(selfPay);
            if (catastrophic.isPositive()) {
                shaped.add(pack.catastrophic().tilts().containsKey(category) ? "catastrophic, tilted for " + category : "catastrophic");
            }
        }

        // 8: supplementary, on the same cumulative self-pay above its threshold
        Money supplementaryBase = Money.ZERO;
        Money supplementary = Money.ZERO;
        PolicyPack.Supplementary sup = pack.supplementary();
        if (sup != null && (sup.eligible().isEmpty() || sup.eligible().contains(category))) {
            supplementaryBase = sup.countsDeductible() ? selfPay : selfPayAboveDeductible;
            BigDecimal before = year.supplementaryBase().amount().subtract(sup.threshold().amount()).max(BigDecimal.ZERO);
            BigDecimal after = year.supplementaryBase().plus(supplementaryBase).amount().subtract(sup.threshold().amount())
                    .max(BigDecimal.ZERO);
            supplementary = round(after.subtract(before).multiply(sup.ratio()), shaped, "supplementary");
            if (sup.annualCap() != null && sup.annualCap().minus(year.supplementaryPaid()).compareTo(supplementary) < 0) {
                supplementary = sup.annualCap().minus(year.supplementaryPaid()).max(Money.ZERO);
                shaped.add("supplementary stopped at the annual cap");
            }
            supplementary = supplementary.min(selfPay.minus(catastrophic));
            if (supplementary.isPositive()) {
                shaped.add("supplementary");
            }
        }

        // 9: medical assistance on the policy-scope self-pay that remains, within the annual limit
        Money assistance = Money.ZERO;
        PolicyPack.Assistance share = category == null ? null : pack.assistance().get(category);
        if (share != null) {
            Money left = selfPay.minus(catastrophic).minus(supplementary);
            assistance = round(left.amount().multiply(share.ratioFor(bill.visitType())), shaped, "assistance");
            Money limit = share.annualLimit().minus(year.assistancePaid()).max(Money.ZERO);
            if (limit.compareTo(assistance) < 0) {
                assistance = limit;
                shaped.add("assistance stopped at the annual limit");
            }
            if (assistance.isPositive()) {
                shaped.add("assistance for " + category);
            }
        }

        // 10-11: no personal account here (OwnCalculation takes it out of cash); cash is the rest
        Money account = Money.ZERO;
        Money cash = t.minus(fund).minus(catastrophic).minus(supplementary).minus(assistance).minus(account);
        Layers layers = new Layers(t, f, p, s, d, fund, catastrophic, supplementary, assistance, account, cash);
        YearToDate.Delta delta = new YearToDate.Delta(perYear ? rules.capPool() : null, d, rules.capPool(), fund, selfPay,
                supplementaryBase, catastrophic, supplementary, assistance);
        return new Expectation.Bill(pack.id() + "@" + pack.version(), layers, delta, shaped);
    }

    /** A bill's total, full self-pay, prior self-pay and policy scope (DESIGN.md's steps 1-4). */
    private record Scope(Money total, Money fullSelfPay, Money priorSelfPay, Money policyScope) {
    }

    private Scope scope(PolicyPack pack, Encounter bill, Insured person, Set<String> shaped) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal full = BigDecimal.ZERO;
        BigDecimal prior = BigDecimal.ZERO;
        for (Encounter.Line line : bill.lines()) {
            BigDecimal amount = line.amount().amount();
            total = total.add(amount);
            CatalogTerms.Terms terms = catalog.of(line, bill, person);
            if (terms.synthetic()) {
                shaped.add("a line from the synthetic catalog");
            }
            ItemClass itemClass = terms.itemClass();
            if (itemClass == null || itemClass == ItemClass.C) {
                full = full.add(amount);
                shaped.add(itemClass == null ? "a line off the catalog" : "a class C line");
                continue;
            }
            if (terms.unmet() != null) {
                full = full.add(amount);
                shaped.add("a line outside its restricted-payment condition (" + terms.unmet().kind() + ")");
                continue;
            }
            Money ceiling = terms.ceiling();
            BigDecimal above = ceiling != null && line.unitPrice().compareTo(ceiling) > 0
                    ? line.unitPrice().amount().subtract(ceiling.amount()).multiply(line.quantity()).min(amount) : BigDecimal.ZERO;
            full = full.add(above);
            if (above.signum() > 0) {
                shaped.add("a price above the ceiling");
            }
            if (itemClass == ItemClass.B) {
                shaped.add(terms.ownRatio() != null ? "a class B line at its own ratio" : "a class B line");
                BigDecimal own = terms.ownRatio() != null ? terms.ownRatio() : pack.priorSelfPayRatio();
                prior = prior.add(amount.subtract(above).multiply(own));
            }
        }
        Money t = round(total);
        Money f = round(full);
        Money p = round(prior, shaped, "prior self-pay");
        return new Scope(t, f, p, t.minus(f).minus(p));
    }

    /**
     * A delivery paid by its fixed amount (定额支付, ADR 0022 as the pack's comments state it): the fund pays the fixed
     * amount of the kind at the institution's level, at most the bill's policy scope; no deductible, no
     * catastrophic, supplementary or assistance layer; the person owes the rest. Its payment counts in the visit's
     * pool only (nothing of it in the catastrophic year).
     */
    private Expectation delivery(PolicyPack pack, PolicyPack.Visit rules, Encounter bill, Insured person) {
        String kind = bill.facts().deliveryKind();
        if (kind == null) {
            return new Expectation.Refusal("a delivery without its kind (deliveryKind)");
        }
        Money fixed = rules.fixedPayment().getOrDefault(kind, java.util.Map.of()).get(bill.institution().level());
        if (fixed == null) {
            return new Expectation.Refusal("no fixed payment for a " + kind + " delivery at " + bill.institution().level());
        }
        Set<String> shaped = new TreeSet<>();
        Scope scope = scope(pack, bill, person, shaped);
        Money fund = fixed.min(scope.policyScope());
        shaped.add(fund.compareTo(fixed) == 0 ? "a delivery's fixed payment (" + kind + " at " + bill.institution().level() + ")"
                : "a delivery paid its policy scope, below its fixed amount");
        Money cash = scope.total().minus(fund);
        Layers layers = new Layers(scope.total(), scope.fullSelfPay(), scope.priorSelfPay(), scope.policyScope(), Money.ZERO, fund,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, cash);
        YearToDate.Delta delta = new YearToDate.Delta(null, Money.ZERO, rules.capPool(), fund, Money.ZERO, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO);
        return new Expectation.Bill(pack.id() + "@" + pack.version(), layers, delta, shaped);
    }

    /** What this bill's self-pay adds to the year's banded catastrophic payment, within the annual cap. */
    static Money catastrophic(PolicyPack.Catastrophic c, AssistanceCategory category, YearToDate year, Money selfPay) {
        PolicyPack.Tilt tilt = category == null ? null : c.tilts().get(category);
        BigDecimal threshold = c.threshold().amount();
        if (tilt != null) {
            threshold = tilt.threshold() != null ? tilt.threshold().amount()
                    : threshold.multiply(tilt.thresholdFactor()).setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal before = year.catastrophicBase().amount();
        BigDecimal after = before.add(selfPay.amount());
        BigDecimal paid = banded(c, tilt, threshold, after).subtract(banded(c, tilt, threshold, before));
        Money catastrophic = round(paid);
        boolean capped = c.annualCap() != null && (tilt == null || !tilt.noCap());
        if (capped) {
            catastrophic = catastrophic.min(c.annualCap().minus(year.catastrophicPaid()).max(Money.ZERO));
        }
        return catastrophic;
    }

    /** The banded payment, unrounded, on a cumulative self-pay. */
    private static BigDecimal banded(PolicyPack.Catastrophic c, PolicyPack.Tilt tilt, BigDecimal threshold, BigDecimal cumulative) {
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal start = threshold;
        for (PolicyPack.Band band : c.bands()) {
            BigDecimal ratio = band.ratio();
            if (tilt != null && tilt.ratio() != null) {
                ratio = tilt.ratio();
            } else if (tilt != null && tilt.ratioBonus() != null) {
                ratio = ratio.add(tilt.ratioBonus()).min(BigDecimal.ONE);
            }
            BigDecimal in = cumulative.subtract(start).max(BigDecimal.ZERO);
            if (band.width() != null) {
                in = in.min(band.width().amount());
            }
            paid = paid.add(in.multiply(ratio));
            if (band.width() == null) {
                break;
            }
            start = start.add(band.width().amount());
        }
        return paid;
    }

    private static Money round(BigDecimal yuan) {
        return Money.rounded(yuan, RoundingMode.HALF_UP);
    }

    /** Rounds a layer, noting when an exact half fen went up (where HALF_UP and HALF_DOWN part). */
    private static Money round(BigDecimal yuan, Set<String> shaped, String layer) {
        Money up = round(yuan);
        if (up.compareTo(Money.rounded(yuan, RoundingMode.HALF_DOWN)) != 0) {
            shaped.add("a half fen rounded up (" + layer + ")");
        }
        return up;
    }
}
