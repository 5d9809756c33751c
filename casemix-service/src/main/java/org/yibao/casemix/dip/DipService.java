package org.yibao.casemix.dip;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.casemix.inpatient.CaseLedger;
import org.yibao.casemix.inpatient.InpatientCase;
import org.yibao.casemix.list.ListService;
import org.yibao.casemix.list.SettlementList;
import org.yibao.casemix.rules.CasemixRule;
import org.yibao.casemix.rules.CasemixRules;
import org.yibao.contracts.events.DipPaymentAdjusted;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * DIP (按病种分值付费): the bureau builds a region's table from its own history of passed settlement lists
 * ({@link DipTableBuilder}), and reads what a stay is worth under it at the provisional point value ({@link DipPayment}).
 */
@Service
public class DipService {

    private final DipStore store;
    private final ListService lists;
    private final CaseLedger cases;
    private final CasemixRules rules;
    private final OutboxWriter outbox;
    private final Clock clock;

    DipService(DipStore store, ListService lists, CaseLedger cases, CasemixRules rules, OutboxWriter outbox, Clock clock) {
        this.store = store;
        this.lists = lists;
        this.cases = cases;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Builds a new version of a region's table for a year from the lists discharged in the basis period.
     *
     * @throws RefusedException (422) naming {@code regionCode} when no rules cover it for the year, {@code basisFrom} when
     *                          no passed list lies in the period
     */
    @Transactional
    public DipTable build(String regionCode, int year, LocalDate basisFrom, LocalDate basisTo, CallerIdentity caller) {
        CasemixRule rule = rule(regionCode, year);
        List<HistoryCase> history = lists.history(regionCode, basisFrom, basisTo).stream()
                .map(s -> new HistoryCase(s.mainDiagnosis(), s.mainProcedure(), s.cost())).toList();
        if (history.isEmpty()) {
            throw new RefusedException("basisFrom: no settlement list of region " + regionCode + " discharged from " + basisFrom + " to "
                    + basisTo + " passed quality control; a table is built from the region's own history");
        }
        store.lock(regionCode, year);
        DipTable table = new DipTable(regionCode + "-" + year + "-v" + (store.versions(regionCode, year) + 1), regionCode, year, basisFrom,
                basisTo, history.size(), DipTableBuilder.overallMean(history), rule.pointScale(), rule.minCasesPerGroup(),
                DipTableBuilder.build(history, rule.minCasesPerGroup(), rule.pointScale()), caller.clientId(), clock.instant());
        store.insert(table);
        return store.find(table.tableId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public DipTable table(String tableId) {
        return store.find(tableId).orElseThrow(() -> new NotFoundException("no DIP table " + tableId));
    }

    /** A stay grouped and priced: its group, why, and what it is worth. */
    public record CasePrice(String settlementId, String tableId, DipGroup group, List<String> grouping, DipPayment.Priced price) {
    }

    /**
     * What a stay is worth under a table at the rules' provisional point value.
     *
     * @throws RefusedException (422) naming {@code settlementId} when its list has not passed quality control or its stay is
     *                          unknown or reversed, or no group takes it
     */
    @Transactional(readOnly = true)
    public CasePrice price(String settlementId, String tableId) {
        DipTable table = table(tableId);
        SettlementList list = lists.find(settlementId).orElseThrow(() -> new NotFoundException("no settlement list of " + settlementId));
        if (list.state() != SettlementList.QcState.PASSED) {
            throw new RefusedException("settlementId: the settlement list of " + settlementId + " is " + list.state()
                    + "; a stay is priced by group once its list passed quality control (质控完成)");
        }
        InpatientCase stay = cases.find(settlementId).filter(c -> !c.reversed()).orElseThrow(() -> new RefusedException(
                "settlementId: settlement " + settlementId + " is unknown or reversed"));
        CaseLedger.Institution institution = cases.institution(stay.institutionCode()).orElseThrow(() -> new RefusedException(
                "settlementId: institution " + stay.institutionCode() + " is unknown here (no InstitutionStatusChanged)"));
        CasemixRule rule = rule(table.regionCode(), table.year());
        DipGrouper.Grouped grouped = DipGrouper.group(table.groups(), list.mainDiagnosis(), list.mainProcedure()).orElseThrow(
                () -> new RefusedException("settlementId: no group of table " + tableId + " takes " + list.mainDiagnosis()));
        DipPayment.Priced priced = DipPayment.price(grouped.group(), stay.total(), stay.othersPaid(), stay.basicFund(),
                rule.provisionalPointValue(), rule.coefficient(institution.level()), rule);
        return new CasePrice(settlementId, tableId, grouped.group(), grouped.trace(), priced);
    }

    /** A month's pricing: the stays priced, those not and why (at most 50), and the sums per institution. */
    public record MonthPricing(String tableId, String month, int priced, List<String> notPriced, List<InstitutionSum> institutions) {
    }

    /** One institution's stays summed, yuan. */
    public record InstitutionSum(String institutionCode, int stays, Money standard, Money fundPayment, Money itemFund, Money difference) {
    }

    /**
     * Prices at the provisional point value every passed stay of the table's region discharged in an ended month (月度预付);
     * pricing the month again replaces each stay's price with the same one (its inputs unchanged) or the new one.
     *
     * @throws RefusedException (422) naming {@code month} when it has not ended, or the year's point value is set already
     */
    @Transactional
    public MonthPricing priceMonth(String tableId, YearMonth month) {
        DipTable table = table(tableId);
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new RefusedException("month: " + month + " has not ended; a month is priced after it");
        }
        if (store.pointValue(tableId, month.getYear()).isPresent()) {
            throw new RefusedException("month: the point value of " + month.getYear() + " is set; its stays are priced at it");
        }
        CasemixRule rule = rule(table.regionCode(), table.year());
        int priced = 0;
        List<String> notPriced = new ArrayList<>();
        List<DipCasePayment> batch = new ArrayList<>();
        for (DipStore.PricingInput in : store.pricingInputs(org.yibao.contracts.region.Regions.likePattern(table.regionCode()), month.atDay(1),
                month.atEndOfMonth())) {
            var grouped = DipGrouper.group(table.groups(), in.mainDiagnosis(), in.mainProcedure());
            if (grouped.isEmpty()) {
                if (notPriced.size() < 50) {
                    notPriced.add(in.settlementId() + ": no group takes " + in.mainDiagnosis());
                }
                continue;
            }
            DipPayment.Priced p = DipPayment.price(grouped.get().group(), in.total(), in.othersPaid(), in.basicFund(),
                    rule.provisionalPointValue(), rule.coefficient(in.level()), rule);
            batch.add(new DipCasePayment(in.settlementId(), tableId, DipCasePayment.Basis.PROVISIONAL, month.toString(),
                    in.institutionCode(), in.department(), in.scheme(), grouped.get().group().code(), p.kind(), p.ratio(), p.points(),
                    p.pointValue(), p.coefficient(), p.standard(), p.othersPaid(), p.fundPayment(), p.itemFund(), p.difference()));
            priced++;
        }
        store.upsert(batch);
        List<DipCasePayment> monthPayments = store.payments(tableId, DipCasePayment.Basis.PROVISIONAL, month.toString());
        announce(table, DipCasePayment.Basis.PROVISIONAL, monthPayments, java.util.Map.of());
        return new MonthPricing(tableId, month.toString(), priced, notPriced, sums(monthPayments));
    }

    /** The year settled: its point value, what the standards add up to, and each institution's adjustment. */
    public record YearSettlement(PointValue pointValue, Money standards, Money rounding, List<Adjustment> institutions) {
    }

    /**
     * One institution's year, yuan: what the provisional prices paid it from the pooling fund, what the year's point value
     * pays, and the adjustment (final − provisional) due to it (positive) or from it (negative) at the year-end.
     */
    public record Adjustment(String institutionCode, int stays, Money provisional, Money fin, Money adjustment, Money difference) {
    }

    /**
     * Sets the year's point value (年度点值 = the year's DIP budget / the year's weighted points, once) and prices every
     * stay of the year again at it (FINAL).
     *
     * @throws RefusedException  (422) naming {@code year} when it has not ended or no stay of it was priced
     * @throws org.yibao.web.problem.ConflictException (409) naming {@code year} when its point value is set already
     */
    @Transactional
    public YearSettlement settleYear(String tableId, int year, Money budget, CallerIdentity caller) {
        table(tableId);
        if (year >= java.time.Year.now(clock).getValue()) {
            throw new RefusedException("year: " + year + " has not ended; its point value is set after it");
        }
        List<DipCasePayment> provisional = store.payments(tableId, DipCasePayment.Basis.PROVISIONAL, year + "-%");
        if (provisional.isEmpty()) {
            throw new RefusedException("year: no stay of " + year + " was priced under table " + tableId + "; price its months first");
        }
        java.math.BigDecimal weighted = provisional.stream().map(p -> p.points().multiply(p.coefficient()))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        PointValue value = new PointValue(tableId, year, budget, weighted, DipPayment.pointValue(budget, weighted), provisional.size(),
                caller.clientId(), clock.instant());
        if (!store.insert(value)) {
            throw new org.yibao.web.problem.ConflictException("year: the point value of " + year + " under table " + tableId + " is set already");
        }
        List<DipCasePayment> finals = new ArrayList<>();
        for (DipCasePayment p : provisional) {
            DipPayment.Priced f = DipPayment.atPointValue(p.kind(), p.ratio(), p.points(), value.pointValue(), p.coefficient(), p.othersPaid(),
                    p.itemFund(), List.of());
            finals.add(new DipCasePayment(p.settlementId(), tableId, DipCasePayment.Basis.FINAL, p.period(), p.institutionCode(),
                    p.department(), p.scheme(), p.groupCode(), p.kind(), p.ratio(), p.points(), value.pointValue(), p.coefficient(), f.standard(),
                    f.othersPaid(), f.fundPayment(), f.itemFund(), f.difference()));
        }
        store.upsert(finals);
        List<DipCasePayment> fin = store.payments(tableId, DipCasePayment.Basis.FINAL, year + "-%");
        java.util.Map<String, Money> provisionalFund = new java.util.HashMap<>();
        provisional.forEach(p -> provisionalFund.put(p.settlementId(), p.fundPayment()));
        announce(store.find(tableId).orElseThrow(), DipCasePayment.Basis.FINAL, fin, provisionalFund);
        Money standards = Money.sum(fin.stream().map(DipCasePayment::standard).toList());
        java.util.Map<String, InstitutionSum> before = new java.util.HashMap<>();
        sums(provisional).forEach(s -> before.put(s.institutionCode(), s));
        List<Adjustment> adjustments = sums(fin).stream().map(s -> new Adjustment(s.institutionCode(), s.stays(),
                before.get(s.institutionCode()).fundPayment(), s.fundPayment(), s.fundPayment().minus(before.get(s.institutionCode()).fundPayment()),
                s.difference())).toList();
        return new YearSettlement(store.pointValue(tableId, year).orElseThrow(), standards, budget.minus(standards), adjustments);
    }

    /**
     * One institution's (or one of its departments') stays of the year on a basis, yuan.
     *
     * @param department     null for the institution's whole line
     * @param averagePoints  Σ points / stays, 4 decimals
     * @param cmi            the case-mix index (CMI): its average points / the region's average points, 4 decimals
     */
    public record ReportLine(String institutionCode, String department, int stays, java.math.BigDecimal points,
                             java.math.BigDecimal averagePoints, java.math.BigDecimal cmi, int highOutliers, int lowOutliers, Money standard,
                             Money fundPayment, Money itemFund, Money difference) {
    }

    /** The year's stays of a table on a basis, per institution and per department (the bureau's and the hospitals' report). */
    @Transactional(readOnly = true)
    public List<ReportLine> report(String tableId, int year, DipCasePayment.Basis basis) {
        table(tableId);
        List<DipCasePayment> all = store.payments(tableId, basis, year + "-%");
        if (all.isEmpty()) {
            return List.of();
        }
        java.math.BigDecimal regionAverage = average(all);
        java.util.Map<String, List<DipCasePayment>> by = new java.util.TreeMap<>();
        for (DipCasePayment p : all) {
            by.computeIfAbsent(p.institutionCode() + "\u0000", k -> new ArrayList<>()).add(p);
            by.computeIfAbsent(p.institutionCode() + "\u0000" + (p.department() == null ? "-" : p.department()), k -> new ArrayList<>()).add(p);
        }
        List<ReportLine> out = new ArrayList<>();
        by.forEach((key, ps) -> {
            String[] k = key.split("\u0000", -1);
            java.math.BigDecimal points = ps.stream().map(DipCasePayment::points).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            java.math.BigDecimal average = average(ps);
            out.add(new ReportLine(k[0], k[1].isEmpty() ? null : k[1], ps.size(), points, average,
                    average.divide(regionAverage, 4, java.math.RoundingMode.HALF_UP),
                    (int) ps.stream().filter(p -> p.kind() == DipPayment.Kind.HIGH_OUTLIER).count(),
                    (int) ps.stream().filter(p -> p.kind() == DipPayment.Kind.LOW_OUTLIER).count(),
                    Money.sum(ps.stream().map(DipCasePayment::standard).toList()), Money.sum(ps.stream().map(DipCasePayment::fundPayment).toList()),
                    Money.sum(ps.stream().map(DipCasePayment::itemFund).toList()), Money.sum(ps.stream().map(DipCasePayment::difference).toList())));
        });
        return out;
    }

    private static java.math.BigDecimal average(List<DipCasePayment> ps) {
        return ps.stream().map(DipCasePayment::points).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                .divide(java.math.BigDecimal.valueOf(ps.size()), 4, java.math.RoundingMode.HALF_UP);
    }

    /**
     * Announces to the fund clearing, per institution, discharge month and scheme, the change of the adjustment in force:
     * PROVISIONAL, Σ (DIP payment − item by item); FINAL, Σ (the final DIP payment − the provisional one). In the caller's
     * transaction (outbox): an announcement and the prices it rests on commit together.
     */
    private void announce(DipTable table, DipCasePayment.Basis basis, List<DipCasePayment> payments, java.util.Map<String, Money> provisionalFund) {
        java.util.Map<List<String>, List<DipCasePayment>> byKey = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        payments.forEach(p -> byKey.computeIfAbsent(List.of(p.institutionCode(), p.period(), p.scheme().name()), k -> new ArrayList<>()).add(p));
        for (var entry : byKey.entrySet()) {
            String institution = entry.getKey().get(0);
            String period = entry.getKey().get(1);
            String scheme = entry.getKey().get(2);
            Money inForce = Money.sum(entry.getValue().stream().map(p -> basis == DipCasePayment.Basis.PROVISIONAL ? p.difference()
                    : p.fundPayment().minus(provisionalFund.getOrDefault(p.settlementId(), Money.ZERO))).toList());
            var before = store.announced(table.tableId(), basis, institution, period, scheme);
            Money announced = before.map(b -> Money.of((java.math.BigDecimal) b[0])).orElse(Money.ZERO);
            int stays = entry.getValue().size();
            if (inForce.compareTo(announced) == 0 && before.map(b -> (Integer) b[1] == stays).orElse(inForce.isZero())) {
                continue;
            }
            int sequence = before.map(b -> (Integer) b[2]).orElse(0) + 1;
            String region = cases.institution(institution).map(CaseLedger.Institution::regionCode).orElse(table.regionCode());
            outbox.append(new DipPaymentAdjusted("DIP-" + table.tableId() + "-" + basis + "-" + institution + "-" + period + "-" + scheme + "-"
                    + sequence, institution, region, org.yibao.contracts.events.Scheme.valueOf(scheme), period, basis.name(), table.tableId(), stays,
                    inForce.minus(announced), clock.instant()));
            store.announce(table.tableId(), basis, institution, period, scheme, inForce.amount(), stays);
        }
    }

    private static List<InstitutionSum> sums(List<DipCasePayment> payments) {
        java.util.Map<String, List<DipCasePayment>> by = new java.util.TreeMap<>();
        payments.forEach(p -> by.computeIfAbsent(p.institutionCode(), k -> new ArrayList<>()).add(p));
        List<InstitutionSum> out = new ArrayList<>();
        by.forEach((code, ps) -> out.add(new InstitutionSum(code, ps.size(), Money.sum(ps.stream().map(DipCasePayment::standard).toList()),
                Money.sum(ps.stream().map(DipCasePayment::fundPayment).toList()), Money.sum(ps.stream().map(DipCasePayment::itemFund).toList()),
                Money.sum(ps.stream().map(DipCasePayment::difference).toList()))));
        return out;
    }

    private CasemixRule rule(String regionCode, int year) {
        return rules.inForce(regionCode, year).orElseThrow(() -> new RefusedException("regionCode: no DIP rules of region " + regionCode
                + " apply to " + year + " (casemix-rules/*.yml)"));
    }
}
