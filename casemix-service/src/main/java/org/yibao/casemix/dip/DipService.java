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
        List<DipTableBuilder.KeySum> history = store.historySums(org.yibao.contracts.region.Regions.likePattern(regionCode), basisFrom, basisTo);
        if (history.isEmpty()) {
            throw new RefusedException("basisFrom: no settlement list of region " + regionCode + " discharged from " + basisFrom + " to "
                    + basisTo + " passed quality control; a table is built from the region's own history");
        }
        store.lock(regionCode, year);
        DipTable table = new DipTable(regionCode + "-" + year + "-v" + (store.versions(regionCode, year) + 1), regionCode, year, basisFrom,
                basisTo, Math.toIntExact(history.stream().mapToLong(DipTableBuilder.KeySum::cases).sum()),
                DipTableBuilder.overallMeanOfSums(history), rule.pointScale(), rule.minCasesPerGroup(),
                DipTableBuilder.buildFromSums(history, rule.minCasesPerGroup(), rule.pointScale()), caller.clientId(), clock.instant());
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
        if (!org.yibao.contracts.region.Regions.contains(table.regionCode(), institution.regionCode())) {
            throw new RefusedException("tableId: table " + tableId + " is region " + table.regionCode() + "'s; institution "
                    + institution.code() + " is of " + institution.regionCode());
        }
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
        if (month.getYear() != table.year()) {
            throw new RefusedException("month: " + month + " is not of table " + tableId + "'s year " + table.year());
        }
        store.lockYear(table.regionCode(), table.year());
        if (store.pointValue(tableId, month.getYear()).isPresent()) {
            throw new RefusedException("month: the point value of " + month.getYear() + " is set; its stays are priced at it");
        }
        CasemixRule rule = rule(table.regionCode(), table.year());
        int priced = 0;
        List<String> notPriced = new ArrayList<>();
        List<DipCasePayment> batch = new ArrayList<>();
        List<String> pricedIds = new ArrayList<>();
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
            pricedIds.add(in.settlementId());
            priced++;
        }
        store.upsert(batch);
        store.removeStale(tableId, month.toString(), org.yibao.contracts.region.Regions.likePattern(table.regionCode()), pricedIds);
        announce(table, DipCasePayment.Basis.PROVISIONAL, month.toString(),
                store.keyTotals(tableId, DipCasePayment.Basis.PROVISIONAL, month.toString()));
        return new MonthPricing(tableId, month.toString(), priced, notPriced, sums(tableId, DipCasePayment.Basis.PROVISIONAL, month.toString()));
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
        DipTable table = table(tableId);
        if (year >= java.time.Year.now(clock).getValue()) {
            throw new RefusedException("year: " + year + " has not ended; its point value is set after it");
        }
        if (year != table.year()) {
            throw new RefusedException("year: table " + tableId + " prices " + table.year() + ", not " + year);
        }
        store.lockYear(table.regionCode(), year);
        Object[] weighted = store.weighted(tableId, year);
        int stays = (Integer) weighted[1];
        if (stays == 0) {
            throw new RefusedException("year: no stay of " + year + " was priced under table " + tableId + "; price its months first");
        }
        java.math.BigDecimal points = (java.math.BigDecimal) weighted[0];
        PointValue value = new PointValue(tableId, year, budget, points, DipPayment.pointValue(budget, points), stays, caller.clientId(),
                clock.instant());
        if (!store.insert(value)) {
            throw new org.yibao.web.problem.ConflictException("year: the point value of " + year + " under table " + tableId + " is set already");
        }
        store.priceAtPointValue(tableId, year, value.pointValue());
        announce(table, DipCasePayment.Basis.FINAL, year + "-%", store.keyTotals(tableId, DipCasePayment.Basis.FINAL, year + "-%"));
        java.util.Map<String, InstitutionSum> before = new java.util.HashMap<>();
        sums(tableId, DipCasePayment.Basis.PROVISIONAL, year + "-%").forEach(x -> before.put(x.institutionCode(), x));
        List<InstitutionSum> fin = sums(tableId, DipCasePayment.Basis.FINAL, year + "-%");
        Money standards = Money.sum(fin.stream().map(InstitutionSum::standard).toList());
        List<Adjustment> adjustments = fin.stream().map(x -> new Adjustment(x.institutionCode(), x.stays(),
                before.get(x.institutionCode()).fundPayment(), x.fundPayment(), x.fundPayment().minus(before.get(x.institutionCode()).fundPayment()),
                x.difference())).toList();
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
        List<Object[]> rows = store.reportRows(tableId, basis, year + "-%");
        int stays = rows.stream().filter(r -> (Boolean) r[2]).mapToInt(r -> (Integer) r[3]).sum();
        if (stays == 0) {
            return List.of();
        }
        java.math.BigDecimal regionAverage = rows.stream().filter(r -> (Boolean) r[2]).map(r -> (java.math.BigDecimal) r[4])
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).divide(java.math.BigDecimal.valueOf(stays), 4, java.math.RoundingMode.HALF_UP);
        List<ReportLine> out = new ArrayList<>();
        for (Object[] r : rows) {
            int n = (Integer) r[3];
            java.math.BigDecimal points = (java.math.BigDecimal) r[4];
            java.math.BigDecimal average = points.divide(java.math.BigDecimal.valueOf(n), 4, java.math.RoundingMode.HALF_UP);
            out.add(new ReportLine((String) r[0], (Boolean) r[2] ? null : (String) r[1], n, points, average,
                    average.divide(regionAverage, 4, java.math.RoundingMode.HALF_UP), (Integer) r[5], (Integer) r[6],
                    Money.of((java.math.BigDecimal) r[7]), Money.of((java.math.BigDecimal) r[8]), Money.of((java.math.BigDecimal) r[9]),
                    Money.of((java.math.BigDecimal) r[10])));
        }
        return out;
    }

    /**
     * Announces to the fund clearing, per institution, discharge month and scheme, the change of the adjustment in force:
     * PROVISIONAL, Σ (DIP payment − item by item); FINAL, Σ (the final DIP payment − the provisional one). In the caller's
     * transaction (outbox): an announcement and the prices it rests on commit together.
     */
    private void announce(DipTable table, DipCasePayment.Basis basis, String periodLike, List<DipStore.KeyTotal> totals) {
        List<DipStore.KeyTotal> all = new ArrayList<>(totals);
        // a key announced before that no stay holds now (its stays reversed or their lists no longer passed): back to zero
        java.util.Set<List<String>> now = new java.util.HashSet<>();
        totals.forEach(t -> now.add(List.of(t.institutionCode(), t.period(), t.scheme())));
        for (DipStore.KeyTotal old : store.announcedKeys(basis, periodLike, org.yibao.contracts.region.Regions.likePattern(table.regionCode()))) {
            if (!now.contains(List.of(old.institutionCode(), old.period(), old.scheme()))) {
                all.add(new DipStore.KeyTotal(old.institutionCode(), old.period(), old.scheme(), java.math.BigDecimal.ZERO, 0));
            }
        }
        for (DipStore.KeyTotal t : all) {
            Money inForce = Money.of(t.amount());
            var before = store.announced(basis, t.institutionCode(), t.period(), t.scheme());
            Money announced = before.map(b -> Money.of((java.math.BigDecimal) b[0])).orElse(Money.ZERO);
            if (inForce.compareTo(announced) == 0 && before.map(b -> (Integer) b[1] == t.stays()).orElse(inForce.isZero())) {
                continue;
            }
            int sequence = before.map(b -> (Integer) b[2]).orElse(0) + 1;
            String region = cases.institution(t.institutionCode()).map(CaseLedger.Institution::regionCode).orElse(table.regionCode());
            String key = basis + "/" + t.institutionCode() + "/" + t.period() + "/" + t.scheme() + "/" + sequence;
            outbox.append(new DipPaymentAdjusted("DIP-" + java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    t.institutionCode(), region, org.yibao.contracts.events.Scheme.valueOf(t.scheme()), t.period(),
                    basis.name(), table.tableId(), t.stays(), inForce.minus(announced), clock.instant()));
            store.announce(basis, t.institutionCode(), t.period(), t.scheme(), t.amount(), t.stays());
        }
    }

    private List<InstitutionSum> sums(String tableId, DipCasePayment.Basis basis, String periodLike) {
        return store.institutionSums(tableId, basis, periodLike).stream().map(r -> new InstitutionSum((String) r[0], (Integer) r[1],
                Money.of((java.math.BigDecimal) r[2]), Money.of((java.math.BigDecimal) r[3]), Money.of((java.math.BigDecimal) r[4]),
                Money.of((java.math.BigDecimal) r[5]))).toList();
    }

    private CasemixRule rule(String regionCode, int year) {
        return rules.inForce(regionCode, year).orElseThrow(() -> new RefusedException("regionCode: no DIP rules of region " + regionCode
                + " apply to " + year + " (casemix-rules/*.yml)"));
    }
}
