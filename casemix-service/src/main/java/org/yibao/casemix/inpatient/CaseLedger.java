package org.yibao.casemix.inpatient;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Keeps the inpatient stays settled (ClaimSettled of visit type INPATIENT; others are not priced by group) and their
 * reversals, and each institution's region and level; each event counts once (the dispatcher's processed events, and
 * the stay's key).
 */
@Service
public class CaseLedger {

    private final CaseStore store;

    CaseLedger(CaseStore store) {
        this.store = store;
    }

    /** A settled stay; true when it is an inpatient stay counted now (the caller re-checks a list waiting for it). */
    @Transactional
    public boolean settled(ClaimSettled e) {
        if (e.visitType() != VisitType.INPATIENT) {
            return false;
        }
        SettlementAmounts a = e.amounts();
        Money others = a.total().minus(a.basicFund());
        String id = e.personId();
        char sex = (id.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
        LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
        return store.insert(new InpatientCase(e.settlementId(), e.institutionCode(), id, sex, birth, e.admittedAt(), e.dischargedAt(),
                e.serviceDate(), a.total(), a.basicFund(), others, false), e.scheme().name(), e.settledAt());
    }

    @Transactional
    public void reversed(ClaimReversed e) {
        store.reversed(e.settlementId());
    }

    @Transactional
    public void institutionChanged(InstitutionStatusChanged e) {
        store.institution(e.institutionCode(), e.regionCode(), e.level() == null ? null : e.level().name(), e.changedAt());
    }

    @Transactional(readOnly = true)
    public Optional<InpatientCase> find(String settlementId) {
        return store.find(settlementId);
    }

    /** An institution's own region and level (its rules and coefficient), if supervision announced it. */
    @Transactional(readOnly = true)
    public Optional<Institution> institution(String code) {
        return store.institution(code).map(r -> new Institution(code, r[0], r[1] == null ? null : InstitutionLevel.valueOf(r[1])));
    }

    /** An institution as DIP reads it. */
    public record Institution(String code, String regionCode, InstitutionLevel level) {
    }
}
