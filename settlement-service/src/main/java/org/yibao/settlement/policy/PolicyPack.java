package org.yibao.settlement.policy;

import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One region's rules for one scheme from a date on: data, loaded from a file in
 * {@code policy-packs/}, never code. A new city or a new year is a new file.
 *
 * @param priorSelfPayRatio 先行自付: the share of a class B (乙类) amount the person pays first
 * @param zeroPay           lines the basic fund pays in full (e.g. 两病 class 甲 VBP drugs)
 * @param maternityLeave    the days of maternity leave the maternity allowance (生育津贴) pays; empty where the
 *                          scheme has no maternity insurance (residents)
 */
public record PolicyPack(
        String id,
        int version,
        String regionCode,
        String regionName,
        Scheme scheme,
        LocalDate effectiveFrom,
        BigDecimal priorSelfPayRatio,
        Map<VisitType, VisitRules> visits,
        Optional<CatastrophicRules> catastrophic,
        Optional<SupplementaryRules> supplementary,
        Optional<AssistanceRules> assistance,
        List<ZeroPayRule> zeroPay,
        Optional<MaternityLeave> maternityLeave) {

    public PolicyPack {
        visits = Map.copyOf(visits);
        zeroPay = List.copyOf(zeroPay);
    }

    /** A pack without maternity leave. */
    public PolicyPack(String id, int version, String regionCode, String regionName, Scheme scheme, LocalDate effectiveFrom,
                      BigDecimal priorSelfPayRatio, Map<VisitType, VisitRules> visits, Optional<CatastrophicRules> catastrophic,
                      Optional<SupplementaryRules> supplementary, Optional<AssistanceRules> assistance, List<ZeroPayRule> zeroPay) {
        this(id, version, regionCode, regionName, scheme, effectiveFrom, priorSelfPayRatio, visits, catastrophic, supplementary,
                assistance, zeroPay, Optional.empty());
    }

    /**
     * The visit types a pack of a scheme must cover to be whole (issue 22): every visit type of the
     * residents' scheme, and for employees the maternity types too (生育保险 covers employees only).
     */
    public static Set<VisitType> visitTypesOf(Scheme scheme) {
        Set<VisitType> types = EnumSet.of(VisitType.GENERAL_OUTPATIENT, VisitType.CHRONIC_OUTPATIENT, VisitType.INPATIENT,
                VisitType.PHARMACY);
        if (scheme == Scheme.EMPLOYEE) {
            types.add(VisitType.PRENATAL_CARE);
            types.add(VisitType.DELIVERY);
        }
        return types;
    }

    /** How a settlement names the pack that decided it, for example {@code yangjiang-2019-resident@1}. */
    public String label() {
        return id + "@" + version;
    }

    public Optional<VisitRules> rulesFor(VisitType visitType) {
        return Optional.ofNullable(visits.get(visitType));
    }
}
