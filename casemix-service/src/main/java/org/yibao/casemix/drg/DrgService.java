package org.yibao.casemix.drg;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.casemix.inpatient.CaseLedger;
import org.yibao.casemix.inpatient.InpatientCase;
import org.yibao.casemix.list.ListService;
import org.yibao.casemix.list.SettlementList;
import org.yibao.casemix.rules.CasemixRule;
import org.yibao.casemix.rules.CasemixRules;
import org.yibao.contracts.region.Regions;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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
    private final CaseLedger cases;
    private final CasemixRules rules;
    private final Clock clock;

    DrgService(DrgStore store, DrgTables tables, ListService lists, CaseLedger cases, CasemixRules rules, Clock clock) {
        this.store = store;
        this.tables = tables;
        this.lists = lists;
        this.cases = cases;
        this.rules = rules;
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
     */
    public record CasePrice(String settlementId, String weightsId, DrgGrouper.Grouped grouping, DrgWeight weight, DrgPayment.Priced price,
                            String unpriced) {
    }

    /**
     * A case's DRG and what it is worth under a weight table at the table's base rate.
     *
     * @throws RefusedException (422) naming {@code settlementId} when its list has not passed quality control or its stay is
     *                          unknown or reversed, {@code weightsId} when the table is another region's than the institution's
     */
    @Transactional(readOnly = true)
    public CasePrice price(String settlementId, String weightsId) {
        DrgWeightTable table = weights(weightsId);
        SettlementList list = lists.find(settlementId).orElseThrow(() -> new NotFoundException("no settlement list of " + settlementId));
        if (list.state() != SettlementList.QcState.PASSED) {
            throw new RefusedException("settlementId: the settlement list of " + settlementId + " is " + list.state()
                    + "; a case is grouped and priced once its list passed quality control (质控完成)");
        }
        InpatientCase stay = cases.find(settlementId).filter(c -> !c.reversed()).orElseThrow(() -> new RefusedException(
                "settlementId: settlement " + settlementId + " is unknown or reversed"));
        CaseLedger.Institution institution = cases.institution(stay.institutionCode()).orElseThrow(() -> new RefusedException(
                "settlementId: institution " + stay.institutionCode() + " is unknown here (no InstitutionStatusChanged)"));
        if (institution.regionCode() == null || !Regions.contains(table.regionCode(), institution.regionCode())) {
            throw new RefusedException("weightsId: " + weightsId + " is region " + table.regionCode() + "'s; institution "
                    + institution.code() + " is of region " + institution.regionCode());
        }
        CasemixRule rule = rule(table.regionCode(), table.year());
        DrgGrouper.Grouped grouped = DrgGrouper.group(tables, new DrgGrouper.DrgCase(list.mainDiagnosis(), list.secondaryDiagnoses(),
                list.mainProcedure(), list.procedures().stream().map(SettlementList.Procedure::code).toList(), list.ventilatorHours(),
                stay.sex(), stay.ageOn(list.admissionDate())));
        if (grouped.outcome() != DrgGrouper.Outcome.GROUPED) {
            return new CasePrice(settlementId, weightsId, grouped, null, null, "in " + grouped.drg() + " (" + grouped.drgName()
                    + "): not priced by DRG; the bureau reviews it");
        }
        DrgWeight weight = table.weights().stream().filter(w -> w.drg().equals(grouped.drg())).findFirst().orElse(null);
        if (weight == null) {
            return new CasePrice(settlementId, weightsId, grouped, null, null, "DRG " + grouped.drg() + " has no weight in " + weightsId
                    + ": no case of it in the basis period");
        }
        DrgPayment.Priced priced = DrgPayment.price(weight, stay.total(), stay.othersPaid(), stay.basicFund(), table.baseRate(),
                rule.coefficient(institution.level()), rule);
        return new CasePrice(settlementId, weightsId, grouped, weight, priced, null);
    }

    private CasemixRule rule(String regionCode, int year) {
        return rules.inForce(regionCode, year).orElseThrow(() -> new RefusedException("regionCode: no casemix rules of region " + regionCode
                + " apply to " + year + " (casemix-rules/*.yml)"));
    }
}
