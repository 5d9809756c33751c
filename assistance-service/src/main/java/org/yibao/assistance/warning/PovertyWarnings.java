package org.yibao.assistance.warning;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.yibao.contracts.events.PovertyRiskFlagged;
import org.yibao.messaging.outbox.OutboxWriter;

import java.time.Clock;
import java.util.Optional;

/**
 * The dual early warning (因病致贫/因病返贫 双预警): after every settlement, a person whose personal
 * payment for the year (after every layer) reaches the threshold is flagged once per year and kind
 * of risk, and PovertyRiskFlagged is announced. Low-income people (any assistance identity) are
 * watched for relapse into poverty with the lower threshold, everyone else for impoverishment.
 */
@Service
public class PovertyWarnings {

    private final WarningStore store;
    private final OutboxWriter outbox;
    private final WarningRule rule;
    private final MeterRegistry meters;
    private final Clock clock;

    PovertyWarnings(WarningStore store, OutboxWriter outbox, WarningProperties properties, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.rule = new WarningRule(properties);
        this.meters = meters;
        this.clock = clock;
    }

    public void check(String personId, int year) {
        Optional<WarningStore.Exposure> exposure = store.exposure(personId, year);
        if (exposure.isEmpty()) {
            return;
        }
        WarningStore.Exposure e = exposure.get();
        Optional<WarningRule.Decision> decision = rule.judge(e.personalPayment(), e.category(), e.householdIncome());
        if (decision.isEmpty()) {
            return;
        }
        WarningRule.Decision d = decision.get();
        if (store.flag(personId, year, d.risk(), e.regionCode(), e.category(), e.personalPayment(), d.threshold(), d.basis())) {
            outbox.append(new PovertyRiskFlagged(personId, e.regionCode(), year, d.risk(), e.category(), e.personalPayment(),
                    d.threshold(), d.basis(), clock.instant()));
            meters.counter("yibao.assistance.poverty.warnings", "risk", d.risk().name()).increment();
        }
    }
}
