package org.yibao.casemix.dip;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.casemix.inpatient.CaseLedger;
import org.yibao.casemix.inpatient.InpatientCase;
import org.yibao.casemix.list.SettlementList;
import org.yibao.casemix.payment.CasePayment;
import org.yibao.casemix.payment.CasePayments;
import org.yibao.casemix.rules.CasemixRule;
import org.yibao.casemix.rules.CasemixRules;
import org.yibao.casemix.rules.PaymentMethod;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * DIP (按病种分值付费): the bureau builds a region's table from its own history of passed settlement lists
 * ({@link DipTableBuilder}), and reads what a stay is worth under it at the provisional point value ({@link DipPayment}).
 */
@Service
public class DipService {

    private final DipStore store;
    private final CasemixRules rules;
    private final CasePayments payments;
    private final Clock clock;

    DipService(DipStore store, CasemixRules rules, CasePayments payments, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.payments = payments;
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

    /**
     * A stay grouped and priced: its group, why, and what it is worth.
     *
     * @param basis PROVISIONAL (at the rules' provisional point value) until the year's point value is set, FINAL after
     */
    public record CasePrice(String settlementId, String tableId, DipGroup group, List<String> grouping, CasePayment.Basis basis,
                            DipPayment.Priced price) {
    }

    /**
     * What a stay is worth under a table: at the year's point value once it is set, else at the rules' provisional one.
     *
     * @throws RefusedException (422) naming {@code settlementId} when its list has not passed quality control or its stay is
     *                          unknown or reversed, or no group takes it
     */
    @Transactional(readOnly = true)
    public CasePrice price(String settlementId, String tableId) {
        DipTable table = table(tableId);
        CasePayments.PassedStay passed = payments.passedStay(settlementId, "tableId", tableId, table.regionCode());
        SettlementList list = passed.list();
        InpatientCase stay = passed.stay();
        CaseLedger.Institution institution = passed.institution();
        CasemixRule rule = rule(table.regionCode(), table.year());
        DipGrouper.Grouped grouped = DipGrouper.group(table.groups(), list.mainDiagnosis(), list.mainProcedure()).orElseThrow(
                () -> new RefusedException("settlementId: no group of table " + tableId + " takes " + list.mainDiagnosis()));
        var year = payments.yearRate(tableId, table.year());
        DipPayment.Priced priced = DipPayment.price(grouped.group(), stay.total(), stay.othersPaid(), stay.basicFund(),
                year.map(org.yibao.casemix.payment.PointValue::pointValue).orElse(rule.provisionalPointValue()),
                rule.coefficient(institution.level()), rule);
        return new CasePrice(settlementId, tableId, grouped.group(), grouped.trace(),
                year.isPresent() ? CasePayment.Basis.FINAL : CasePayment.Basis.PROVISIONAL, priced);
    }

    /**
     * Prices at the provisional point value every passed stay discharged in an ended month at the institutions of the table's
     * region that DIP pays (月度预付): {@link CasePayments#priceMonth}.
     *
     * @throws RefusedException (422) naming {@code month} when it has not ended or is not of the table's year, or the year's
     *                          point value is set already
     */
    @Transactional
    public CasePayments.MonthPricing priceMonth(String tableId, YearMonth month) {
        DipTable table = table(tableId);
        CasemixRule rule = rule(table.regionCode(), table.year());
        return payments.priceMonth(PaymentMethod.DIP, tableId, table.regionCode(), table.year(), rule, month, in -> {
            var grouped = DipGrouper.group(table.groups(), in.mainDiagnosis(), in.mainProcedure());
            if (grouped.isEmpty()) {
                return CasePayments.Priced.not("no group takes " + in.mainDiagnosis());
            }
            DipPayment.Priced p = DipPayment.price(grouped.get().group(), in.total(), in.othersPaid(), in.basicFund(),
                    rule.provisionalPointValue(), rule.coefficient(in.level()), rule);
            return new CasePayments.Priced(new CasePayment(in.settlementId(), tableId, PaymentMethod.DIP, CasePayment.Basis.PROVISIONAL,
                    month.toString(), in.institutionCode(), in.department(), in.scheme(), grouped.get().group().code(), p.kind(), p.ratio(),
                    p.points(), p.pointValue(), p.coefficient(), p.standard(), p.othersPaid(), p.fundPayment(), p.itemFund(),
                    p.difference()), null);
        });
    }

    /**
     * Sets the year's point value (年度点值 = the year's DIP budget / the year's weighted points, once) and prices every
     * stay of the year again at it (FINAL): {@link CasePayments#settleYear}.
     *
     * @throws RefusedException  (422) naming {@code year} when it has not ended or no stay of it was priced
     * @throws org.yibao.web.problem.ConflictException (409) naming {@code year} when its point value is set already
     */
    @Transactional
    public CasePayments.YearSettlement settleYear(String tableId, int year, Money budget, CallerIdentity caller) {
        DipTable table = table(tableId);
        return payments.settleYear(PaymentMethod.DIP, tableId, table.regionCode(), table.year(), year, budget, caller);
    }

    /** The year's stays under a table on a basis, per institution and per department (the bureau's and the hospitals' report). */
    @Transactional(readOnly = true)
    public List<CasePayments.ReportLine> report(String tableId, int year, CasePayment.Basis basis) {
        table(tableId);
        return payments.report(tableId, year, basis);
    }

    private CasemixRule rule(String regionCode, int year) {
        return rules.inForce(regionCode, year).orElseThrow(() -> new RefusedException("regionCode: no DIP rules of region " + regionCode
                + " apply to " + year + " (casemix-rules/*.yml)"));
    }
}
