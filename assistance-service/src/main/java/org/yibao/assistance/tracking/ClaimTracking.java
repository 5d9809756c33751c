package org.yibao.assistance.tracking;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.yibao.assistance.warning.PovertyWarnings;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.SettlementAmounts;

/**
 * Follows every settled and reversed claim: each person's year (assistance received, personal
 * payment, the annual assistance limit settlement applied), the claim with the person's assistance
 * category at the time for the reports, and the poverty-risk warning after each settlement. Runs
 * inside the consumer's transaction, which also records the event as processed, so each claim counts
 * exactly once.
 */
@Service
public class ClaimTracking {

    private final ClaimStore claims;
    private final PovertyWarnings warnings;
    private final MeterRegistry meters;

    ClaimTracking(ClaimStore claims, PovertyWarnings warnings, MeterRegistry meters) {
        this.claims = claims;
        this.warnings = warnings;
        this.meters = meters;
    }

    public void settled(ClaimSettled e) {
        if (!claims.insert(e)) {
            return;
        }
        SettlementAmounts a = e.amounts();
        claims.addToYear(e.personId(), e.year(), e.regionCode(), a, 1);
        meters.counter("yibao.assistance.claims", "outcome", "settled").increment();
        if (a.assistance().isPositive()) {
            meters.counter("yibao.assistance.paid.yuan").increment(a.assistance().amount().doubleValue());
        }
        warnings.check(e.personId(), e.year());
    }

    public void reversed(ClaimReversed e) {
        if (!claims.markReversed(e)) {
            return; // unknown or already reversed
        }
        claims.addToYear(e.personId(), e.year(), e.regionCode(), e.amounts(), -1);
        meters.counter("yibao.assistance.claims", "outcome", "reversed").increment();
    }
}
