package org.yibao.settlement.policy;

import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One region's rules for one scheme from a date on: data, loaded from a file in
 * {@code policy-packs/}, never code. A new city or a new year is a new file.
 *
 * @param priorSelfPayRatio 先行自付: the share of a class B (乙类) amount the person pays first
 * @param zeroPay           lines the basic fund pays in full (e.g. 两病 class 甲 VBP drugs)
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
        List<ZeroPayRule> zeroPay) {

    public PolicyPack {
        visits = Map.copyOf(visits);
        zeroPay = List.copyOf(zeroPay);
    }

    /** How a settlement names the pack that decided it, for example {@code yangjiang-2019-resident@1}. */
    public String label() {
        return id + "@" + version;
    }

    public Optional<VisitRules> rulesFor(VisitType visitType) {
        return Optional.ofNullable(visits.get(visitType));
    }
}
