package org.yibao.settlement.simulation;

import org.yibao.contracts.region.Regions;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPacks;

import java.util.Optional;

/**
 * Which pack replays a settled bill when a candidate is simulated: as if the candidate had been added to the packs in
 * force (PolicyPacks#inForce's rules), every other bill under the pack that settled it.
 * <ul>
 *   <li>a bill in the candidate's region (its person's region within the candidate's) and scheme is in the candidate's
 *       scope — unless the pack that settled it is of a narrower region inside the candidate's (a district's own pack
 *       stays in force under a city's candidate);</li>
 *   <li>a bill in scope with a service date from the candidate's {@code effectiveFrom} on is replayed under the
 *       candidate; one before it under the pack that settled it (a candidate from 1 July changes nothing before);</li>
 *   <li>any other bill under the pack that settled it, when that pack (its {@code id@version}) is still loaded; else
 *       none, and the bill is counted as settled.</li>
 * </ul>
 */
final class PackChoice {

    private final PolicyPack candidate;
    private final PolicyPacks packs;

    PackChoice(PolicyPack candidate, PolicyPacks packs) {
        this.candidate = candidate;
        this.packs = packs;
    }

    Replay.Choice of(ReplayBill bill) {
        Optional<PolicyPack> own = packs.byLabel(bill.policyPack());
        boolean inRegion = bill.scheme() == candidate.scheme() && Regions.contains(candidate.regionCode(), bill.regionCode());
        boolean ownIsNarrower = own.map(p -> !p.regionCode().equals(candidate.regionCode())
                && Regions.contains(candidate.regionCode(), p.regionCode())).orElse(false);
        boolean inScope = inRegion && !ownIsNarrower;
        if (inScope && !bill.serviceDate().isBefore(candidate.effectiveFrom())) {
            return new Replay.Choice(Optional.of(candidate), true, true);
        }
        return new Replay.Choice(own, false, inScope);
    }
}
