package org.yibao.settlement.adjudication;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.policy.AssistanceRules;
import org.yibao.settlement.policy.CatastrophicRules;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.VisitRules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random bills, people, year-to-date totals and every shipped pack: the layers add up to the
 * total to the fen, nothing is negative, no cap or limit is passed, and undoing a settlement's delta
 * restores the accumulators exactly.
 */
class AdjudicationPropertiesTest {

    private final Bills.Reconciling adjudicator = Bills.adjudicator();

    record Case(PolicyPack pack, VisitType visit, InstitutionLevel level, PersonType personType,
                Optional<EmploymentTier> tier, TreatmentPlace place, List<String> certified,
                Optional<AssistanceCategory> category, List<BillLine> lines, Accumulators yearToDate,
                Money personalAccount) {
    }

    /** Diseases a generated person may be certified for, and the diagnosis every generated bill carries. */
    private static final List<String> DISEASES = List.of("I10", "E11", "J44");

    @Property(tries = 2000)
    void everyBillAddsUpAndStaysWithinEveryLimit(@ForAll("cases") Case c) {
        VisitRules rules = c.pack().rulesFor(c.visit()).orElseThrow();
        Claim claim = new Claim(c.visit(), c.level(), c.personType(), c.tier(), c.category(), c.place(),
                List.of("I10.x00", "E11.900", "J44.900"), c.certified(), c.lines(), c.personalAccount());

        Adjudication result = adjudicator.adjudicate(claim, c.yearToDate(), c.pack());
        SettlementAmounts a = result.amounts();

        // parts add up to the total, to the fen
        assertThat(a.basicFund().plus(a.catastrophic()).plus(a.supplementary()).plus(a.assistance())
                .plus(a.personalAccount()).plus(a.cash())).isEqualTo(a.total());
        assertThat(a.total()).isEqualTo(Money.sum(c.lines().stream()
                .map(l -> Money.rounded(l.unitPrice().amount().multiply(l.quantity()), java.math.RoundingMode.HALF_UP)).toList()));
        assertThat(Money.sum(result.lines().stream().map(AdjudicatedLine::selfPay).toList()))
                .isEqualTo(a.fullSelfPay().plus(a.priorSelfPay()));
        // nothing negative
        for (Money layer : List.of(a.fullSelfPay(), a.priorSelfPay(), a.policyScope(), a.deductible(), a.basicFund(),
                a.catastrophic(), a.supplementary(), a.assistance(), a.personalAccount(), a.cash())) {
            assertThat(layer.isNegative()).as("a negative layer in %s", a).isFalse();
        }
        assertThat(result.lines()).allSatisfy(l -> assertThat(l.selfPay().isNegative()).isFalse());
        // caps and limits
        Accumulators after = c.yearToDate().plus(result.delta());
        String pool = rules.capPool();
        Money paidInFull = Money.sum(result.lines().stream().filter(l -> l.paidInFullBy().isPresent())
                .map(AdjudicatedLine::policyScope).toList());
        rules.annualCapFor(c.personType(), c.tier()).ifPresent(cap -> {
            if (c.yearToDate().fundPaid(pool).compareTo(cap) <= 0) {
                assertThat(after.fundPaid(pool)).isLessThanOrEqualTo(cap);
            } else {
                assertThat(a.basicFund()).isEqualTo(paidInFull);
            }
        });
        Money deductibleHere = c.place() == TreatmentPlace.LOCAL ? rules.deductibleFor(c.personType(), c.level()).orElseThrow()
                : rules.outOfArea().orElseThrow().deductible().orElse(rules.deductibleFor(c.personType(), c.level()).orElseThrow());
        assertThat(a.deductible()).isLessThanOrEqualTo(deductibleHere);
        // a line paid in full leaves nothing within policy scope to the person, and only a zero-pay rule does that
        for (AdjudicatedLine line : result.lines()) {
            if (line.paidInFullBy().isPresent()) {
                assertThat(c.pack().zeroPay()).anyMatch(r -> r.name().equals(line.paidInFullBy().get())
                        && line.line().catalogs().contains(r.catalog()) && line.line().itemClass() == r.itemClass());
            }
        }
        c.pack().catastrophic().flatMap(CatastrophicRules::annualCap).ifPresent(cap -> {
            boolean uncapped = c.category().map(cat -> c.pack().catastrophic().get().tilts().get(cat))
                    .map(CatastrophicRules.Tilt::noCap).orElse(false);
            if (!uncapped && c.yearToDate().catastrophicPaid().compareTo(cap) <= 0) {
                assertThat(after.catastrophicPaid()).isLessThanOrEqualTo(cap);
            }
        });
        c.pack().supplementary().flatMap(s -> s.annualCap()).ifPresent(cap -> {
            if (c.yearToDate().supplementaryPaid().compareTo(cap) <= 0) {
                assertThat(after.supplementaryPaid()).isLessThanOrEqualTo(cap);
            }
        });
        Optional<AssistanceRules.Share> share = c.pack().assistance().flatMap(r -> c.category().map(r.byCategory()::get));
        if (share.isEmpty()) {
            assertThat(a.assistance()).isEqualTo(Money.ZERO);
        } else if (c.yearToDate().assistancePaid().compareTo(share.get().annualLimit()) <= 0) {
            assertThat(after.assistancePaid()).isLessThanOrEqualTo(share.get().annualLimit());
        }
        assertThat(a.personalAccount()).isLessThanOrEqualTo(c.personalAccount());
        // insurance never pays what is outside policy scope
        assertThat(a.fundsPaid()).isLessThanOrEqualTo(a.policyScope());
        // a reversal (subtracting the delta) restores the year's totals exactly
        assertThat(after.minus(result.delta())).isEqualTo(c.yearToDate());

        // the conditional checks above are reached (issue 19): each branch taken by some of the tries
        branch("visit type with an annual cap", rules.annualCapFor(c.personType(), c.tier()).isPresent());
        branch("fund already past its annual cap", rules.annualCapFor(c.personType(), c.tier())
                .map(cap -> c.yearToDate().fundPaid(pool).compareTo(cap) > 0).orElse(false));
        branch("an assistance share", share.isPresent());
        branch("catastrophic insurance paid", a.catastrophic().isPositive());
        branch("supplementary insurance paid", a.supplementary().isPositive());
        branch("treated outside the paying region", c.place() != TreatmentPlace.LOCAL);
        branch("deductible left to pay", a.deductible().isPositive());
        Statistics.label("a line paid in full by a zero-pay rule").collect(result.lines().stream().anyMatch(l -> l.paidInFullBy().isPresent()));
        Statistics.label("a line paid in full by a zero-pay rule").coverage(k -> k.check(true).count(n -> n > 0));
    }

    /** Collects whether a branch was taken, and requires that it was taken, and not taken, in some tries. */
    private static void branch(String label, boolean taken) {
        Statistics.label(label).collect(taken);
        Statistics.label(label).coverage(k -> {
            k.check(true).count(n -> n > 0);
            k.check(false).count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<Case> cases() {
        List<PolicyPack> packs = Bills.packs().all();
        return Arbitraries.of(packs).flatMap(pack -> {
            // deliveries paid by a fixed amount (定额支付) have no ratio to generate from: WholePacksTest settles them by hand
            List<VisitType> visits = new ArrayList<>(pack.visits().keySet().stream()
                    .filter(v -> !pack.rulesFor(v).orElseThrow().paidByFixedAmount()).toList());
            return Arbitraries.of(visits).flatMap(visit -> {
                VisitRules rules = pack.rulesFor(visit).orElseThrow();
                List<PersonType> types = new ArrayList<>(rules.ratio().keySet());
                List<TreatmentPlace> places = new ArrayList<>(List.of(TreatmentPlace.LOCAL));
                rules.outOfArea().ifPresent(o -> {
                    places.add(TreatmentPlace.REMOTE_FILED);
                    o.unfiledRatioCut().ifPresent(cut -> places.add(TreatmentPlace.REMOTE_UNFILED));
                });
                // a visit that needs a certification always gets one; others may or may not
                Arbitrary<List<String>> certified = Arbitraries.of(DISEASES).list().uniqueElements().ofMaxSize(2)
                        .filter(l -> !rules.requiresCertification() || !l.isEmpty());
                return Arbitraries.of(types).flatMap(type -> {
                    List<InstitutionLevel> levels = new ArrayList<>(rules.ratio().get(type).keySet());
                    Arbitrary<Optional<EmploymentTier>> tier = type == PersonType.RESIDENT
                            ? Arbitraries.just(Optional.empty())
                            : Arbitraries.of(EmploymentTier.values()).optional(0.9);
                    return Combinators.combine(
                            Arbitraries.of(levels),
                            tier,
                            Arbitraries.of(places),
                            certified,
                            Arbitraries.of(AssistanceCategory.values()).optional(0.5),
                            lines().list().ofMinSize(1).ofMaxSize(12),
                            accumulators(rules.capPool()),
                            amount(0, 5_000_00).injectDuplicates(0.5).map(m -> m.compareTo(Money.of("4000.00")) > 0 ? Money.ZERO : m)
                    ).as((level, t, place, certs, category, lines, ytd, account) ->
                            new Case(pack, visit, level, type, t, place, certs, category, lines, ytd, account));
                });
            });
        });
    }

    private static Arbitrary<BillLine> lines() {
        return Combinators.combine(
                Arbitraries.of(ItemClass.values()),
                Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("50")).ofScale(3),
                amount(0, 3_000_000_00).edgeCases(e -> e.add(Money.ZERO).add(Money.of("0.01"))),
                amount(1, 3_000_000_00).optional(0.3),
                Arbitraries.of(true, false),
                Arbitraries.of(Set.<String>of(), Set.of("LIANGBING"))
        ).as((itemClass, quantity, price, ceiling, vbp, catalogs) -> new BillLine("X", "item", ItemCategory.DRUG, itemClass,
                quantity, price, ceiling, vbp, catalogs));
    }

    private static Arbitrary<Accumulators> accumulators(String pool) {
        return Combinators.combine(amount(0, 2_000_00), amount(0, 400_000_00), amount(0, 500_000_00),
                amount(0, 400_000_00), amount(0, 300_000_00), amount(0, 250_000_00), amount(0, 60_000_00),
                amount(0, 20_000_00)
        ).as((deductible, fund, selfPay, catastrophic, suppBase, supp, assistance, zeroPaid) -> new Accumulators(
                Map.of(pool, deductible), Map.of(pool, fund, "liangbing", zeroPaid), selfPay, catastrophic, suppBase,
                supp, assistance));
    }

    private static Arbitrary<Money> amount(long minFen, long maxFen) {
        return Arbitraries.longs().between(minFen, maxFen).map(Money::ofFen)
                .edgeCases(e -> e.add(Money.ofFen(minFen)).add(Money.ofFen(maxFen)));
    }
}
