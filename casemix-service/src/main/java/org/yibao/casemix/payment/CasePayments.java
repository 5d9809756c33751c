package org.yibao.casemix.payment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.casemix.inpatient.CaseLedger;
import org.yibao.casemix.rules.CasemixRule;
import org.yibao.casemix.rules.PaymentMethod;
import org.yibao.contracts.events.DipPaymentAdjusted;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.region.Regions;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.RefusedException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Paying stays by group, whichever the method (DIP points at a point value, DRG weights at a base rate): each institution's
 * method of the year, a month's stays priced at the provisional rate (月度预付), the year's rate = the method's budget / the
 * year's weighted units and every stay priced again at it (年度清算), the report per institution and department, and what
 * each pricing changed of the pooling fund's item-by-item payments announced to the fund clearing (DipPaymentAdjusted v2,
 * in the pricing's transaction).
 */
@Service
public class CasePayments {

    private static final BigDecimal MAX_RATE = new BigDecimal("9999999999.9999");
    private static final BigDecimal MAX_STANDARD = new BigDecimal("999999999999.99");

    private final PaymentStore store;
    private final CaseLedger cases;
    private final org.yibao.casemix.list.ListService lists;
    private final OutboxWriter outbox;
    private final Clock clock;

    CasePayments(PaymentStore store, CaseLedger cases, org.yibao.casemix.list.ListService lists, OutboxWriter outbox, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.lists = lists;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A stay one method may price: its passed list, the settled stay and its institution. */
    public record PassedStay(org.yibao.casemix.list.SettlementList list, org.yibao.casemix.inpatient.InpatientCase stay,
                             CaseLedger.Institution institution) {
    }

    /**
     * The stay a settlement names, for a table of a region to price: its list passed quality control, the stay settled and
     * not reversed, its institution known and of the table's region.
     *
     * @param tableField the request's name of the table (tableId, weightsId), named when the region differs
     * @throws org.yibao.web.problem.NotFoundException (404) when the settlement has no list
     * @throws RefusedException (422) naming {@code settlementId} when the list has not passed, the stay is unknown or
     *                          reversed, or its institution unknown; {@code tableField} when the institution is of another
     *                          region than the table's (or of none)
     */
    @Transactional(readOnly = true)
    public PassedStay passedStay(String settlementId, String tableField, String tableId, String tableRegion) {
        org.yibao.casemix.list.SettlementList list = lists.find(settlementId)
                .orElseThrow(() -> new org.yibao.web.problem.NotFoundException("no settlement list of " + settlementId));
        if (list.state() != org.yibao.casemix.list.SettlementList.QcState.PASSED) {
            throw new RefusedException("settlementId: the settlement list of " + settlementId + " is " + list.state()
                    + "; a stay is grouped and priced once its list passed quality control (质控完成)");
        }
        org.yibao.casemix.inpatient.InpatientCase stay = cases.find(settlementId).filter(c -> !c.reversed())
                .orElseThrow(() -> new RefusedException("settlementId: settlement " + settlementId + " is unknown or reversed"));
        CaseLedger.Institution institution = cases.institution(stay.institutionCode()).orElseThrow(() -> new RefusedException(
                "settlementId: institution " + stay.institutionCode() + " is unknown here (no InstitutionStatusChanged)"));
        if (institution.regionCode() == null || !Regions.contains(tableRegion, institution.regionCode())) {
            throw new RefusedException(tableField + ": " + tableId + " is region " + tableRegion + "'s; institution "
                    + institution.code() + " is of region " + institution.regionCode());
        }
        return new PassedStay(list, stay, institution);
    }

    /**
     * A stay of a month to price: its list's facts as the groupers read them and its money, yuan.
     *
     * @param procedures      every procedure's code, the main one among them
     * @param sex             'F' or 'M'
     * @param age             whole years at admission
     * @param total           the stay's total cost
     * @param basicFund       what the basic pooling fund paid item by item
     * @param othersPaid      what the person and the other funds paid
     * @param level           the institution's level, or null
     */
    public record PricingInput(String settlementId, String institutionCode, String department, String mainDiagnosis,
                               List<String> secondaryDiagnoses, String mainProcedure, List<String> procedures, int ventilatorHours, char sex,
                               int age, Scheme scheme, Money total, Money basicFund, Money othersPaid, InstitutionLevel level) {
    }

    /** How a method prices one stay: its price, or why not (the reason said in the month's answer). */
    @FunctionalInterface
    public interface Pricer {
        Priced price(PricingInput stay);
    }

    /** A stay's price under a method, or (payment null) why it is not priced. */
    public record Priced(CasePayment payment, String notPriced) {

        public static Priced not(String why) {
            return new Priced(null, why);
        }
    }

    /** A month's pricing: the stays priced, those not and why (at most 50), and the sums per institution. */
    public record MonthPricing(String tableId, PaymentMethod method, String month, int priced, int notPricedCount, List<String> notPriced,
                               List<InstitutionSum> institutions) {
    }

    /** One institution's stays summed, yuan. */
    public record InstitutionSum(String institutionCode, int stays, Money standard, Money fundPayment, Money itemFund, Money difference) {
    }

    /**
     * Prices at the provisional rate every passed stay of the region discharged in an ended month whose institution the
     * method pays; pricing the month again replaces each stay's price with the same one (its inputs unchanged) or the new
     * one, removes the prices of stays no longer priced, and announces what changed.
     *
     * @throws RefusedException (422) naming {@code month} when it has not ended, is not of the table's year, or the method's
     *                          rate of the region's year is set already (by any table version)
     */
    @Transactional
    public MonthPricing priceMonth(PaymentMethod method, String tableId, String regionCode, int tableYear, CasemixRule rule, YearMonth month,
                                   Pricer pricer) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new RefusedException("month: " + month + " has not ended; a month is priced after it");
        }
        if (month.getYear() != tableYear) {
            throw new RefusedException("month: " + month + " is not of " + tableId + "'s year " + tableYear);
        }
        store.lockYear(tableYear);
        if (store.yearRateSet(method, regionCode, tableYear)) {
            throw new RefusedException("month: the " + method + " rate of region " + regionCode + "'s " + tableYear
                    + " is set; its stays are priced at it");
        }
        List<CasePayment> batch = new ArrayList<>();
        List<String> pricedIds = new ArrayList<>();
        List<String> notPriced = new ArrayList<>();
        int notPricedCount = 0;
        for (PricingInput in : store.pricingInputs(method, rule.defaultMethod(), Regions.likePattern(regionCode), month.atDay(1),
                month.atEndOfMonth())) {
            Priced p = pricer.price(in);
            if (p.payment() == null) {
                notPricedCount++;
                if (notPriced.size() < 50) {
                    notPriced.add(in.settlementId() + ": " + p.notPriced());
                }
                continue;
            }
            batch.add(p.payment());
            pricedIds.add(in.settlementId());
        }
        store.upsert(batch);
        store.removeStale(method, tableId, month.toString(), Regions.likePattern(regionCode), pricedIds);
        announce(method, tableId, regionCode, CasePayment.Basis.PROVISIONAL, month.toString(),
                store.keyTotals(tableId, CasePayment.Basis.PROVISIONAL, month.toString()));
        return new MonthPricing(tableId, method, month.toString(), batch.size(), notPricedCount, notPriced,
                store.institutionSums(tableId, CasePayment.Basis.PROVISIONAL, month.toString()));
    }

    /** The year settled: its rate, what the standards add up to, the rounding left, and each institution's adjustment. */
    public record YearSettlement(PointValue pointValue, Money standards, Money rounding, List<Adjustment> institutions) {
    }

    /**
     * One institution's year, yuan: what the provisional prices paid it from the pooling fund, what the year's rate pays,
     * and the adjustment (final − provisional) due to it (positive) or from it (negative) at the year-end; difference: the
     * final payment less item by item (its gain or loss of the year).
     */
    public record Adjustment(String institutionCode, int stays, Money provisional, Money fin, Money adjustment, Money difference) {
    }

    /**
     * Sets the year's rate under a table (the method's budget / the year's weighted units, once) and prices every stay of the
     * year again at it (FINAL).
     *
     * @throws RefusedException  (422) naming {@code year} when it has not ended, is not the table's, or no stay of it was priced;
     *                           {@code tableId} when months of the year are priced under another table version of the method;
     *                           {@code budget} when the rate would exceed what a stay's payment can be
     * @throws ConflictException (409) naming {@code year} when the method's rate of the region's year is set already (by any
     *                           table version)
     */
    @Transactional
    public YearSettlement settleYear(PaymentMethod method, String tableId, String regionCode, int tableYear, int year, Money budget,
                                     CallerIdentity caller) {
        if (year >= java.time.Year.now(clock).getValue()) {
            throw new RefusedException("year: " + year + " has not ended; its rate is set after it");
        }
        if (year != tableYear) {
            throw new RefusedException("year: " + tableId + " prices " + tableYear + ", not " + year);
        }
        store.lockYear(year);
        if (store.yearRateSet(method, regionCode, year)) {
            throw new ConflictException("year: the " + method + " rate of region " + regionCode + "'s " + year + " is set already");
        }
        List<String> others = store.otherTables(method, tableId, Regions.likePattern(regionCode), year);
        if (!others.isEmpty()) {
            throw new RefusedException("tableId: months of " + year + " are priced under " + others + "; price every month of the year"
                    + " under " + tableId + " before its rate is set");
        }
        PaymentStore.Weighted weighted = store.weighted(tableId, year);
        if (weighted.stays() == 0) {
            throw new RefusedException("year: no stay of " + year + " was priced under " + tableId + "; price its months first");
        }
        BigDecimal rate = yearRate(budget, weighted.units());
        // the columns' limits: a rate below 10^10 yuan a unit, a stay's standard below 10^12 yuan
        if (rate.compareTo(MAX_RATE) > 0 || rate.multiply(weighted.largest()).compareTo(MAX_STANDARD) > 0) {
            throw new RefusedException("budget: " + budget + " over " + weighted.units() + " weighted units gives " + rate
                    + " yuan a unit, beyond what a stay's payment can be");
        }
        PointValue value = new PointValue(tableId, method, regionCode, year, budget, weighted.units(), rate, weighted.stays(),
                caller.clientId(), clock.instant());
        if (!store.insert(value)) {
            throw new ConflictException("year: the " + method + " rate of region " + regionCode + "'s " + year + " is set already");
        }
        store.priceAtYearRate(tableId, year, value.pointValue());
        announce(method, tableId, regionCode, CasePayment.Basis.FINAL, year + "-%", store.keyTotals(tableId, CasePayment.Basis.FINAL, year + "-%"));
        Map<String, InstitutionSum> before = new HashMap<>();
        store.institutionSums(tableId, CasePayment.Basis.PROVISIONAL, year + "-%").forEach(x -> before.put(x.institutionCode(), x));
        List<InstitutionSum> fin = store.institutionSums(tableId, CasePayment.Basis.FINAL, year + "-%");
        Money standards = Money.sum(fin.stream().map(InstitutionSum::standard).toList());
        List<Adjustment> adjustments = fin.stream().map(x -> new Adjustment(x.institutionCode(), x.stays(),
                before.get(x.institutionCode()).fundPayment(), x.fundPayment(), x.fundPayment().minus(before.get(x.institutionCode()).fundPayment()),
                x.difference())).toList();
        return new YearSettlement(store.yearRate(tableId, year).orElseThrow(), standards, budget.minus(standards), adjustments);
    }

    /**
     * The year's rate: the budget / the weighted units (Σ units x coefficient), HALF_UP to 4 decimals.
     *
     * @throws IllegalArgumentException when there are no units
     */
    public static BigDecimal yearRate(Money budget, BigDecimal weightedUnits) {
        if (weightedUnits.signum() <= 0) {
            throw new IllegalArgumentException("no units to divide the budget by");
        }
        return budget.amount().divide(weightedUnits, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
    }

    /** The year's rate under a table, once set. */
    @Transactional(readOnly = true)
    public Optional<PointValue> yearRate(String tableId, int year) {
        return store.yearRate(tableId, year);
    }

    /**
     * One institution's (or one of its departments') stays of the year on a basis, yuan.
     *
     * @param department    null for the institution's whole line
     * @param points        Σ units: DIP points, or DRG weights
     * @param averagePoints Σ units / stays, 4 decimals
     * @param cmi           the case-mix index (CMI): its average units / the region's average units, 4 decimals
     * @param difference    fund payment − item by item: the gain (结余, positive) or loss (超支, negative)
     */
    public record ReportLine(String institutionCode, String department, int stays, BigDecimal points, BigDecimal averagePoints,
                             BigDecimal cmi, int highOutliers, int lowOutliers, Money standard, Money fundPayment, Money itemFund,
                             Money difference) {
    }

    /** The year's stays under a table on a basis, per institution and per department (the bureau's and the hospitals' report). */
    @Transactional(readOnly = true)
    public List<ReportLine> report(String tableId, int year, CasePayment.Basis basis) {
        List<PaymentStore.ReportRow> rows = store.reportRows(tableId, basis, year + "-%");
        int stays = rows.stream().filter(r -> r.department() == null).mapToInt(PaymentStore.ReportRow::stays).sum();
        if (stays == 0) {
            return List.of();
        }
        BigDecimal regionAverage = rows.stream().filter(r -> r.department() == null).map(PaymentStore.ReportRow::units)
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(stays), 4, RoundingMode.HALF_UP);
        List<ReportLine> out = new ArrayList<>();
        for (PaymentStore.ReportRow r : rows) {
            BigDecimal average = r.units().divide(BigDecimal.valueOf(r.stays()), 4, RoundingMode.HALF_UP);
            out.add(new ReportLine(r.institutionCode(), r.department(), r.stays(), r.units(), average,
                    average.divide(regionAverage, 4, RoundingMode.HALF_UP), r.highOutliers(), r.lowOutliers(), r.standard(),
                    r.fundPayment(), r.itemFund(), r.difference()));
        }
        return out;
    }

    /**
     * An institution's payment method of a year (支付方式), set by the bureau.
     *
     * @param setBy the manager, from the token
     */
    public record Assignment(String institutionCode, int year, PaymentMethod method, String setBy, Instant setAt) {
    }

    /**
     * Assigns an institution its payment method of a year; the same again is answered as it stands.
     *
     * @throws RefusedException  (422) naming {@code institutionCode} when the institution is unknown here
     * @throws ConflictException (409) naming {@code method} when a stay of the institution's year is priced by another method
     */
    @Transactional
    public Assignment assign(String institutionCode, int year, PaymentMethod method, CallerIdentity caller) {
        CaseLedger.Institution institution = cases.institution(institutionCode).orElseThrow(() -> new RefusedException(
                "institutionCode: institution " + institutionCode + " is unknown here (no InstitutionStatusChanged)"));
        if (institution.regionCode() == null) {
            throw new RefusedException("institutionCode: institution " + institutionCode + " has no region here");
        }
        store.lockYear(year);
        Optional<Assignment> now = store.assignment(institutionCode, year);
        if (now.isPresent() && now.get().method() == method) {
            return now.get();
        }
        if (store.pricedOtherwise(institutionCode, year, method)) {
            throw new ConflictException("method: stays of " + institutionCode + " discharged in " + year
                    + " are priced by another method; a year is paid by one method");
        }
        Assignment a = new Assignment(institutionCode, year, method, caller.clientId(), clock.instant());
        store.assign(a);
        return a;
    }

    /** The methods the bureau assigned for a year to a region's institutions (the others are paid by the region's default). */
    @Transactional(readOnly = true)
    public List<Assignment> assignments(String regionCode, int year) {
        return store.assignments(Regions.likePattern(regionCode), year);
    }

    /**
     * What casemix announced to the fund clearing for one key, in force: the sum of its DipPaymentAdjusted amounts, yuan.
     *
     * @param period the stays' discharge month, yyyy-MM
     * @param stays  the stays the amount in force rests on
     */
    public record Announcement(PaymentMethod method, CasePayment.Basis basis, String institutionCode, String period, Scheme scheme,
                               Money amount, int stays, int announcements) {
    }

    /** What was announced to the fund clearing for a year's discharge months of a region's institutions (to reconcile with it). */
    @Transactional(readOnly = true)
    public List<Announcement> announcements(String regionCode, int year) {
        return store.announcements(Regions.likePattern(regionCode), year);
    }

    /**
     * Announces to the fund clearing, per institution, discharge month and scheme, the change of the adjustment in force under
     * the method: PROVISIONAL, Σ (the method's payment − item by item); FINAL, Σ (the final payment − the provisional one). In
     * the caller's transaction (outbox): an announcement and the prices it rests on commit together.
     */
    private void announce(PaymentMethod method, String tableId, String regionCode, CasePayment.Basis basis, String periodLike,
                          List<PaymentStore.KeyTotal> totals) {
        List<PaymentStore.KeyTotal> all = new ArrayList<>(totals);
        // a key announced before that no stay holds now (its stays reversed or their lists no longer passed): back to zero
        Set<List<String>> now = new HashSet<>();
        totals.forEach(t -> now.add(List.of(t.institutionCode(), t.period(), t.scheme())));
        for (PaymentStore.KeyTotal old : store.announcedKeys(method, basis, periodLike, Regions.likePattern(regionCode))) {
            if (!now.contains(List.of(old.institutionCode(), old.period(), old.scheme()))) {
                all.add(new PaymentStore.KeyTotal(old.institutionCode(), old.period(), old.scheme(), BigDecimal.ZERO, 0));
            }
        }
        for (PaymentStore.KeyTotal t : all) {
            Money inForce = Money.of(t.amount());
            Optional<PaymentStore.Announced> before = store.announced(method, basis, t.institutionCode(), t.period(), t.scheme());
            Money announced = before.map(b -> Money.of(b.amount())).orElse(Money.ZERO);
            if (inForce.compareTo(announced) == 0 && before.map(b -> b.stays() == t.stays()).orElse(inForce.isZero())) {
                continue;
            }
            int sequence = before.map(PaymentStore.Announced::announcements).orElse(0) + 1;
            String region = cases.institution(t.institutionCode()).map(CaseLedger.Institution::regionCode).orElse(regionCode);
            // DIP's keys as before (no method in them), so an announcement made before DRG was paid keeps its id
            String key = (method == PaymentMethod.DIP ? "" : method + "/") + basis + "/" + t.institutionCode() + "/" + t.period() + "/"
                    + t.scheme() + "/" + sequence;
            outbox.append(new DipPaymentAdjusted(method + "-" + java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    t.institutionCode(), region, Scheme.valueOf(t.scheme()), t.period(), basis.name(), method.name(), tableId, t.stays(),
                    inForce.minus(announced), clock.instant()));
            store.announce(method, basis, t.institutionCode(), t.period(), t.scheme(), t.amount(), t.stays());
        }
    }
}
