package org.yibao.casemix.dip;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.casemix.inpatient.CaseLedger;
import org.yibao.casemix.inpatient.InpatientCase;
import org.yibao.casemix.list.ListService;
import org.yibao.casemix.list.SettlementList;
import org.yibao.casemix.rules.CasemixRule;
import org.yibao.casemix.rules.CasemixRules;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.time.Clock;
import java.time.LocalDate;
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
    private final Clock clock;

    DipService(DipStore store, ListService lists, CaseLedger cases, CasemixRules rules, Clock clock) {
        this.store = store;
        this.lists = lists;
        this.cases = cases;
        this.rules = rules;
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

    private CasemixRule rule(String regionCode, int year) {
        return rules.inForce(regionCode, year).orElseThrow(() -> new RefusedException("regionCode: no DIP rules of region " + regionCode
                + " apply to " + year + " (casemix-rules/*.yml)"));
    }
}
