package org.yibao.casemix.drg;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.casemix.inpatient.CaseLedger;
import org.yibao.casemix.inpatient.InpatientCase;
import org.yibao.casemix.list.ListService;
import org.yibao.casemix.list.SettlementList;
import org.yibao.casemix.payment.CasePayment;
import org.yibao.casemix.payment.CasePayments;
import org.yibao.casemix.rules.CasemixRule;
import org.yibao.casemix.rules.CasemixRules;
import org.yibao.casemix.rules.PaymentMethod;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * DRG (按疾病诊断相关分组付费): the bureau builds a region's relative weights from its own history of passed settlement lists,
 * grouped by the CHS-DRG tables in force ({@link DrgGrouper}, {@link DrgWeights}), and reads a case's DRG and what it is worth
 * under a weight table ({@link DrgPayment}).
 */
@Service
public class DrgService {

    private final DrgStore store;
    private final DrgTables tables;
    private final ListService lists;
    private final CasemixRules rules;
    private final CasePayments payments;
    private final Clock clock;

    DrgService(DrgStore store, DrgTables tables, ListService lists, CasemixRules rules, CasePayments payments, Clock clock) {
        this.store = store;
        this.tables = tables;
        this.lists = lists;
        this.rules = rules;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * Builds a new version of a region's weight table for a year from the lists discharged in the basis period.
     *
     * @throws RefusedException (422) naming {@code regionCode} when no rules or base rate cover it for the year,
     *                          {@code basisFrom} when no passed list of the period is grouped
     */
    @Transactional
    public DrgWeightTable build(String regionCode, int year, LocalDate basisFrom, LocalDate basisTo, CallerIdentity caller) {
        CasemixRule rule = rule(regionCode, year);
        BigDecimal baseRate = tables.baseRate(regionCode).orElseThrow(() -> new RefusedException("regionCode: the DRG tables "
                + tables.edition() + " name no base rate (baseRates) for region " + regionCode));
        List<DrgWeights.WeightCase> grouped = new ArrayList<>();
        int ungroupable = 0;
        for (ListService.GroupableStay s : lists.groupableHistory(regionCode, basisFrom, basisTo)) {
            if (s.cost().signum() <= 0) {
                ungroupable++; // ASSUMPTION: a stay without a cost is no basis for a weight (and would make a mean of zero)
                continue;
            }
            DrgGrouper.Grouped g = DrgGrouper.group(tables, new DrgGrouper.DrgCase(s.mainDiagnosis(), s.secondaryDiagnoses(), s.mainProcedure(),
                    s.procedures(), s.ventilatorHours(), s.sex(), s.age()));
            if (g.outcome() == DrgGrouper.Outcome.GROUPED) {
                grouped.add(new DrgWeights.WeightCase(g.drg(), g.adrg(), s.cost()));
            } else {
                ungroupable++;
            }
        }
        if (grouped.isEmpty()) {
            throw new RefusedException("basisFrom: no settlement list of region " + regionCode + " discharged from " + basisFrom + " to "
                    + basisTo + " passed quality control and was grouped (" + ungroupable + " ungroupable); weights come from the region's own history");
        }
        store.lock(regionCode, year);
        DrgWeightTable table = new DrgWeightTable(regionCode + "-" + year + "-drg-v" + (store.versions(regionCode, year) + 1), regionCode, year,
                basisFrom, basisTo, tables.edition(), grouped.size(), ungroupable, DrgWeights.overallMean(grouped), rule.minCasesPerGroup(),
                baseRate, DrgWeights.build(grouped, rule.minCasesPerGroup()), caller.clientId(), clock.instant());
        store.insert(table);
        return store.find(table.weightsId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public DrgWeightTable weights(String weightsId) {
        return store.find(weightsId).orElseThrow(() -> new NotFoundException("no DRG weight table " + weightsId));
    }

    /**
     * A case grouped and priced.
     *
     * @param grouping its DRG and why (the grouping trace)
     * @param weight   its DRG's weight in the table, or null when not priced
     * @param price    what it is worth and why (the pricing trace), or null when not priced
     * @param unpriced why it is not priced (0000, a 歧义组, or its DRG without a weight in the table), or null
     * @param basis    PROVISIONAL (at the table's base rate) until the year's base rate is set, FINAL after
     */
    public record CasePrice(String settlementId, String weightsId, DrgGrouper.Grouped grouping, DrgWeight weight, DrgPayment.Priced price,
                            String unpriced, CasePayment.Basis basis) {
    }

    /**
     * A case's DRG and what it is worth under a weight table: at the year's base rate once it is set, else the table's.
     *
     * @throws RefusedException (422) naming {@code settlementId} when its list has not passed quality control or its stay is
     *                          unknown or reversed, {@code weightsId} when the table is another region's than the institution's
     */
    @Transactional(readOnly = true)
    public CasePrice price(String settlementId, String weightsId) {
        DrgWeightTable table = weights(weightsId);
        CasePayments.PassedStay passed = payments.passedStay(settlementId, "weightsId", weightsId, table.regionCode());
        SettlementList list = passed.list();
        InpatientCase stay = passed.stay();
        CaseLedger.Institution institution = passed.institution();
        CasemixRule rule = rule(table.regionCode(), table.year());
        DrgGrouper.Grouped grouped = DrgGrouper.group(tables, new DrgGrouper.DrgCase(list.mainDiagnosis(), list.secondaryDiagnoses(),
                list.mainProcedure(), list.procedures().stream().map(SettlementList.Procedure::code).toList(), list.ventilatorHours(),
                stay.sex(), stay.ageOn(list.admissionDate())));
        if (grouped.outcome() != DrgGrouper.Outcome.GROUPED) {
            return new CasePrice(settlementId, weightsId, grouped, null, null, "in " + grouped.drg() + " (" + grouped.drgName()
                    + "): not priced by DRG; the bureau reviews it", null);
        }
        DrgWeight weight = table.weights().stream().filter(w -> w.drg().equals(grouped.drg())).findFirst().orElse(null);
        if (weight == null) {
            return new CasePrice(settlementId, weightsId, grouped, null, null, "DRG " + grouped.drg() + " has no weight in " + weightsId
                    + ": no case of it in the basis period", null);
        }
        var year = payments.yearRate(weightsId, table.year());
        DrgPayment.Priced priced = DrgPayment.price(weight, stay.total(), stay.othersPaid(), stay.basicFund(),
                year.map(org.yibao.casemix.payment.PointValue::pointValue).orElse(table.baseRate()), rule.coefficient(institution.level()), rule);
        return new CasePrice(settlementId, weightsId, grouped, weight, priced, null,
                year.isPresent() ? CasePayment.Basis.FINAL : CasePayment.Basis.PROVISIONAL);
    }

    /**
     * Groups and prices at the weight table's base rate every passed stay discharged in an ended month at the institutions of
     * the table's region that DRG pays (月度预付): {@link CasePayments#priceMonth}. A stay in 0000 or a 歧义组, or in a DRG
     * without a weight in the table, is not priced (said in the answer; the bureau reviews it).
     *
     * @throws RefusedException (422) naming {@code month} when it has not ended or is not of the table's year, or the year's
     *                          base rate is set already
     */
    @Transactional
    public CasePayments.MonthPricing priceMonth(String weightsId, YearMonth month) {
        DrgWeightTable table = weights(weightsId);
        CasemixRule rule = rule(table.regionCode(), table.year());
        java.util.Map<String, DrgWeight> byDrg = new java.util.HashMap<>();
        table.weights().forEach(w -> byDrg.put(w.drg(), w));
        return payments.priceMonth(PaymentMethod.DRG, weightsId, table.regionCode(), table.year(), rule, month, in -> {
            DrgGrouper.Grouped g = DrgGrouper.group(tables, new DrgGrouper.DrgCase(in.mainDiagnosis(), in.secondaryDiagnoses(),
                    in.mainProcedure(), in.procedures(), in.ventilatorHours(), in.sex(), in.age()));
            if (g.outcome() != DrgGrouper.Outcome.GROUPED) {
                return CasePayments.Priced.not("in " + g.drg() + " (" + g.drgName() + "): not priced by DRG; the bureau reviews it");
            }
            DrgWeight w = byDrg.get(g.drg());
            if (w == null) {
                return CasePayments.Priced.not("DRG " + g.drg() + " has no weight in " + weightsId);
            }
            DrgPayment.Priced p = DrgPayment.price(w, in.total(), in.othersPaid(), in.basicFund(), table.baseRate(),
                    rule.coefficient(in.level()), rule);
            return new CasePayments.Priced(new CasePayment(in.settlementId(), weightsId, PaymentMethod.DRG, CasePayment.Basis.PROVISIONAL,
                    month.toString(), in.institutionCode(), in.department(), in.scheme(), g.drg(), p.kind(), p.ratio(), p.weight(),
                    p.baseRate(), p.coefficient(), p.standard(), p.othersPaid(), p.fundPayment(), p.itemFund(), p.difference()), null);
        });
    }

    /**
     * Sets the year's base rate (年度费率 = the year's DRG budget / the year's weighted weights, once) and prices every stay
     * of the year again at it (FINAL): {@link CasePayments#settleYear}.
     *
     * @throws RefusedException  (422) naming {@code year} when it has not ended or no stay of it was priced
     * @throws org.yibao.web.problem.ConflictException (409) naming {@code year} when its base rate is set already
     */
    @Transactional
    public CasePayments.YearSettlement settleYear(String weightsId, int year, org.yibao.contracts.money.Money budget, CallerIdentity caller) {
        DrgWeightTable table = weights(weightsId);
        return payments.settleYear(PaymentMethod.DRG, weightsId, table.regionCode(), table.year(), year, budget, caller);
    }

    /** The year's stays under a weight table on a basis, per institution and department: weights (CMI), outliers, money. */
    @Transactional(readOnly = true)
    public List<CasePayments.ReportLine> report(String weightsId, int year, CasePayment.Basis basis) {
        weights(weightsId);
        return payments.report(weightsId, year, basis);
    }

    private CasemixRule rule(String regionCode, int year) {
        return rules.inForce(regionCode, year).orElseThrow(() -> new RefusedException("regionCode: no casemix rules of region " + regionCode
                + " apply to " + year + " (casemix-rules/*.yml)"));
    }
}
