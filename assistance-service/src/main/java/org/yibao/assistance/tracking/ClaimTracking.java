package org.yibao.assistance.tracking;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.yibao.assistance.warning.PovertyWarnings;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.SettlementAmounts;

import java.sql.Timestamp;

/**
 * Follows every settled and reversed claim: each person's year (assistance received, personal
 * payment), the claim with the person's assistance category at the time for the reports, and the
 * poverty-risk warning after each settlement. Runs inside the consumer's transaction, which also
 * records the event as processed, so each claim counts exactly once.
 */
@Service
public class ClaimTracking {

    private final JdbcTemplate jdbc;
    private final PovertyWarnings warnings;
    private final MeterRegistry meters;

    ClaimTracking(JdbcTemplate jdbc, PovertyWarnings warnings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.meters = meters;
    }

    public void settled(ClaimSettled e) {
        SettlementAmounts a = e.amounts();
        int inserted = jdbc.update("""
                        insert into claim (settlement_id, person_id, region_code, year, category, total, policy_scope,
                            basic_fund, catastrophic, supplementary, assistance, personal_account, cash, settled_at)
                        select ?, ?, ?, ?, (select category from person_identity where person_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?
                        on conflict (settlement_id) do nothing""",
                e.settlementId(), e.personId(), e.regionCode(), e.year(), e.personId(), a.total().amount(),
                a.policyScope().amount(), a.basicFund().amount(), a.catastrophic().amount(), a.supplementary().amount(),
                a.assistance().amount(), a.personalAccount().amount(), a.cash().amount(), Timestamp.from(e.settledAt()));
        if (inserted == 0) {
            return;
        }
        addToYear(e.personId(), e.year(), e.regionCode(), a, 1);
        meters.counter("yibao.assistance.claims", "outcome", "settled").increment();
        if (a.assistance().isPositive()) {
            meters.counter("yibao.assistance.paid.yuan").increment(a.assistance().amount().doubleValue());
        }
        warnings.check(e.personId(), e.year());
    }

    public void reversed(ClaimReversed e) {
        int marked = jdbc.update("update claim set reversed_at = ? where settlement_id = ? and reversed_at is null",
                Timestamp.from(e.reversedAt()), e.settlementId());
        if (marked == 0) {
            return; // unknown or already reversed
        }
        addToYear(e.personId(), e.year(), e.regionCode(), e.amounts(), -1);
        meters.counter("yibao.assistance.claims", "outcome", "reversed").increment();
    }

    private void addToYear(String personId, int year, String region, SettlementAmounts a, int sign) {
        jdbc.update("""
                        insert into person_year (person_id, year, region_code, total, assistance, personal_payment)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (person_id, year) do update set total = person_year.total + excluded.total,
                            assistance = person_year.assistance + excluded.assistance,
                            personal_payment = person_year.personal_payment + excluded.personal_payment""",
                personId, year, region, a.total().amount().multiply(java.math.BigDecimal.valueOf(sign)),
                a.assistance().amount().multiply(java.math.BigDecimal.valueOf(sign)),
                a.personalPayment().amount().multiply(java.math.BigDecimal.valueOf(sign)));
    }
}
