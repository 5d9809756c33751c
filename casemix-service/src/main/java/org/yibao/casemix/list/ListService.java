package org.yibao.casemix.list;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.casemix.codes.CodeTables;
import org.yibao.casemix.inpatient.CaseLedger;
import org.yibao.casemix.inpatient.InpatientCase;
import org.yibao.contracts.region.Regions;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.NotFoundException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settlement lists (医保结算清单): a hospital uploads one per inpatient settlement of its own (a corrected one replaces it,
 * version + 1), checked at once against its settled stay ({@link ListQuality}); a list uploaded before its settlement
 * arrived is UNCHECKED and checked when it arrives. The bureau reads each institution's data quality per month.
 */
@Service
public class ListService {

    private final ListStore store;
    private final CaseLedger cases;
    private final CodeTables codes;
    private final Clock clock;

    ListService(ListStore store, CaseLedger cases, CodeTables codes, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.codes = codes;
        this.clock = clock;
    }

    /** What a hospital states of a stay (the request's declared shape). */
    public record Upload(String settlementId, LocalDate admissionDate, LocalDate dischargeDate, String mainDiagnosis,
                         List<String> secondaryDiagnoses, List<SettlementList.Procedure> procedures, List<SettlementList.Fee> fees,
                         int ventilatorHours, List<Integer> newbornWeights, String department) {
    }

    /**
     * Uploads (or corrects) the institution's list of one of its settlements.
     *
     * @throws ForbiddenException (403) when the settlement is another institution's (nothing is written)
     */
    @Transactional
    public SettlementList upload(String institutionCode, Upload u, CallerIdentity caller) {
        store.lock(u.settlementId());
        Optional<InpatientCase> stay = cases.find(u.settlementId());
        Optional<SettlementList> before = store.find(u.settlementId());
        if ((stay.isPresent() && !stay.get().institutionCode().equals(institutionCode))
                || (before.isPresent() && !before.get().institutionCode().equals(institutionCode))) {
            throw new ForbiddenException("settlement " + u.settlementId() + " is not one of institution " + institutionCode + "'s");
        }
        if (before.isPresent() && before.get().submittedAt() != null) {
            throw new ConflictException("settlementId: the list of " + u.settlementId() + " was submitted (已提交) at "
                    + before.get().submittedAt() + "; a submitted list is not replaced");
        }
        Instant now = clock.instant();
        SettlementList list = new SettlementList(u.settlementId(), institutionCode, before.map(b -> b.version() + 1).orElse(1),
                u.admissionDate(), u.dischargeDate(), u.mainDiagnosis(), u.secondaryDiagnoses(), u.procedures(), u.fees(),
                ListQuality.total(u.fees()), u.ventilatorHours(), u.newbornWeights(), u.department(), SettlementList.QcState.UNCHECKED,
                List.of(), caller.clientId(), now, null);
        SettlementList checked = checked(list, stay, now);
        store.save(checked);
        return checked;
    }

    /** A list, read by its institution or the bureau; 404 when none, 403 for another institution's. */
    @Transactional(readOnly = true)
    public SettlementList list(String institutionCode, String settlementId) {
        SettlementList l = store.find(settlementId).orElseThrow(() -> new NotFoundException("no settlement list of " + settlementId));
        if (!l.institutionCode().equals(institutionCode)) {
            throw new ForbiddenException("settlement " + settlementId + " is not one of institution " + institutionCode + "'s");
        }
        return l;
    }

    /**
     * Submits the institution's list (已提交, national 4102 stas_type 1): only a list that passed quality control; once
     * submitted it is not replaced. Submitting again answers it unchanged.
     *
     * @throws ConflictException (409) naming {@code settlementId} when the list has not passed quality control
     */
    @Transactional
    public SettlementList submit(String institutionCode, String settlementId, CallerIdentity caller) {
        store.lock(settlementId);
        SettlementList l = list(institutionCode, settlementId);
        if (l.submittedAt() != null) {
            return l;
        }
        if (l.state() != SettlementList.QcState.PASSED || !store.submit(settlementId, caller.clientId(), clock.instant())) {
            throw new ConflictException("settlementId: the list of " + settlementId + " is " + l.state()
                    + "; only a list that passed quality control (质控完成) is submitted");
        }
        return store.find(settlementId).orElseThrow();
    }

    /** Its settlement arrived: a list waiting for it is checked now (in the consumer's transaction). */
    @Transactional
    public void stayArrived(String settlementId) {
        store.lock(settlementId);
        Optional<InpatientCase> stay = cases.find(settlementId);
        store.find(settlementId).filter(l -> l.state() == SettlementList.QcState.UNCHECKED).ifPresent(l -> {
            if (stay.isPresent() && !stay.get().institutionCode().equals(l.institutionCode())) {
                // uploaded by another institution before the settlement arrived: never its list; its own hospital uploads it
                store.delete(settlementId);
            } else {
                store.save(checked(l, stay, clock.instant()));
            }
        });
    }

    private SettlementList checked(SettlementList l, Optional<InpatientCase> stay, Instant now) {
        ListQuality.Result r = ListQuality.check(l, stay, codes);
        return new SettlementList(l.settlementId(), l.institutionCode(), l.version(), l.admissionDate(), l.dischargeDate(), l.mainDiagnosis(),
                l.secondaryDiagnoses(), l.procedures(), l.fees(), l.feeTotal(), l.ventilatorHours(), l.newbornWeights(), l.department(),
                r.state(), r.findings(), l.uploadedBy(), l.uploadedAt(), stay.isPresent() ? now : null);
    }

    /**
     * The passed lists of a region's institutions discharged in a period, not reversed, with what a DRG grouper reads of
     * each (main and secondary diagnoses, the procedures and the main one, ventilator hours, the patient's sex and age at
     * admission) and its stay's total
     * cost: a DRG weight table's history, in settlement id order.
     */
    @Transactional(readOnly = true)
    public List<GroupableStay> groupableHistory(String regionCode, LocalDate from, LocalDate to) {
        return store.groupableHistory(Regions.likePattern(regionCode), from, to);
    }

    /**
     * A passed list as a grouper reads it.
     *
     * @param mainProcedure   the main procedure's code, or null (none)
     * @param procedures      every procedure's code, the main one among them
     * @param ventilatorHours hours on invasive ventilation
     * @param sex             'F' or 'M', from the resident id
     * @param age             whole years at admission
     * @param cost            the stay's total cost, yuan
     */
    public record GroupableStay(String settlementId, String mainDiagnosis, List<String> secondaryDiagnoses, String mainProcedure,
                                List<String> procedures, int ventilatorHours, char sex, int age, BigDecimal cost) {
    }

    /** A list whatever its institution (the bureau's read). */
    @Transactional(readOnly = true)
    public Optional<SettlementList> find(String settlementId) {
        return store.find(settlementId);
    }

    /**
     * One institution's month of lists (by discharge date).
     *
     * @param passedPercent the share of its lists that passed quality control, percent, 2 decimals HALF_UP (Zhumadian 2021:
     *                      above 95% at the DRG pilot hospitals)
     */
    public record Quality(String institutionCode, long lists, long passed, long incomplete, long unchecked, BigDecimal passedPercent) {
    }

    /** The data-quality report of a month over a region's institutions. */
    @Transactional(readOnly = true)
    public List<Quality> quality(YearMonth month, String regionCode) {
        List<Quality> out = new ArrayList<>();
        for (Object[] r : store.quality(Regions.likePattern(regionCode), month.atDay(1), month.atEndOfMonth())) {
            long lists = (Long) r[1];
            long passed = (Long) r[2];
            out.add(new Quality((String) r[0], lists, passed, (Long) r[3], (Long) r[4],
                    BigDecimal.valueOf(passed * 100).divide(BigDecimal.valueOf(lists), 2, RoundingMode.HALF_UP)));
        }
        return out;
    }
}
