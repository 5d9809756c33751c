package org.yibao.settlement.api;

import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.settlement.policy.PolicyPack;

import java.time.LocalDate;
import java.util.Set;

/** A region policy pack as the list of packs shows it: which region, scheme and date, and the visit types it settles. */
record PolicyPackSummary(String id, int version, String label, String regionCode, String regionName, Scheme scheme,
                         LocalDate effectiveFrom, Set<VisitType> visitTypes) {

    static PolicyPackSummary of(PolicyPack p) {
        return new PolicyPackSummary(p.id(), p.version(), p.label(), p.regionCode(), p.regionName(), p.scheme(),
                p.effectiveFrom(), p.visits().keySet());
    }
}
