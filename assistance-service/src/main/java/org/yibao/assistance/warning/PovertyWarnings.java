package org.yibao.assistance.warning;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.PovertyRiskFlagged;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;

import java.math.RoundingMode;
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
    private final WarningProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    PovertyWarnings(WarningStore store, OutboxWriter outbox, WarningProperties properties, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    public void check(String personId, int year) {
        Optional<WarningStore.Exposure> exposure = store.exposure(personId, year);
        if (exposure.isEmpty()) {
            return;
        }
        WarningStore.Exposure row = exposure.get();
        Money paid = row.personalPayment();
        AssistanceCategory category = row.category();
        PovertyRiskFlagged.PovertyRisk risk = category != null ? PovertyRiskFlagged.PovertyRisk.RELAPSE
                : PovertyRiskFlagged.PovertyRisk.IMPOVERISHMENT;
        Money threshold = Money.rounded(category != null ? properties.lowIncomeThreshold() : properties.generalThreshold(),
                RoundingMode.HALF_UP);
        String basis = "ABSOLUTE";
        if (row.householdIncome() != null) {
            Money share = Money.rounded(row.householdIncome().multiply(properties.incomeShare()), RoundingMode.HALF_UP);
            if (share.compareTo(threshold) < 0) {
                threshold = share;
                basis = "INCOME_SHARE";
            }
        }
        if (paid.compareTo(threshold) < 0) {
            return;
        }
        String region = row.regionCode();
        if (store.flag(personId, year, risk, region, category, paid, threshold, basis)) {
            outbox.append(new PovertyRiskFlagged(personId, region, year, risk, category, paid, threshold, basis, clock.instant()));
            meters.counter("yibao.assistance.poverty.warnings", "risk", risk.name()).increment();
        }
    }
}
