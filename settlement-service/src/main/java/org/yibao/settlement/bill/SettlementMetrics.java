package org.yibao.settlement.bill;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;

/**
 * Counts bills settled and reversed ({@code yibao.settlement.bills}, by visit type and region) and
 * the yuan each layer of the settled ones paid ({@code yibao.settlement.amount.yuan}), for the dashboards.
 */
@Component
class SettlementMetrics {

    private final MeterRegistry meters;

    SettlementMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void settled(SettlementView v) {
        count("settled", v);
        SettlementAmounts a = v.amounts();
        record("total", a.total());
        record("basic_fund", a.basicFund());
        record("catastrophic", a.catastrophic());
        record("supplementary", a.supplementary());
        record("assistance", a.assistance());
        record("personal_account", a.personalAccount());
        record("cash", a.cash());
    }

    void reversed(SettlementView v) {
        count("reversed", v);
    }

    private void count(String outcome, SettlementView v) {
        meters.counter("yibao.settlement.bills", "outcome", outcome, "visit_type", v.visitType().name(),
                "region", v.regionCode()).increment();
    }

    private void record(String layer, Money amount) {
        // yuan as a double is fine for a dashboard; the books are in the database, exact
        meters.counter("yibao.settlement.amount.yuan", "layer", layer).increment(amount.amount().doubleValue());
    }
}
