package org.yibao.assistance.warning;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.PovertyRiskFlagged;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The dual early warning (因病致贫/因病返贫 双预警): after every settlement, a person whose personal
 * payment for the year (after every layer) reaches the threshold is flagged once per year and kind
 * of risk, and PovertyRiskFlagged is announced. Low-income people (any assistance identity) are
 * watched for relapse into poverty with the lower threshold, everyone else for impoverishment.
 */
@Service
public class PovertyWarnings {

    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;
    private final WarningProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    PovertyWarnings(JdbcTemplate jdbc, OutboxWriter outbox, WarningProperties properties, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    public void check(String personId, int year) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select py.personal_payment, py.region_code, pi.category, hi.income
                from person_year py
                left join person_identity pi on pi.person_id = py.person_id
                left join household_income hi on hi.person_id = py.person_id and hi.year = py.year
                where py.person_id = ? and py.year = ?""", personId, year);
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Object> row = rows.get(0);
        Money paid = Money.of((BigDecimal) row.get("personal_payment"));
        AssistanceCategory category = row.get("category") == null ? null : AssistanceCategory.valueOf((String) row.get("category"));
        PovertyRiskFlagged.PovertyRisk risk = category != null ? PovertyRiskFlagged.PovertyRisk.RELAPSE
                : PovertyRiskFlagged.PovertyRisk.IMPOVERISHMENT;
        Money threshold = Money.rounded(category != null ? properties.lowIncomeThreshold() : properties.generalThreshold(),
                RoundingMode.HALF_UP);
        String basis = "ABSOLUTE";
        if (row.get("income") != null) {
            Money share = Money.rounded(((BigDecimal) row.get("income")).multiply(properties.incomeShare()), RoundingMode.HALF_UP);
            if (share.compareTo(threshold) < 0) {
                threshold = share;
                basis = "INCOME_SHARE";
            }
        }
        if (paid.compareTo(threshold) < 0) {
            return;
        }
        String region = (String) row.get("region_code");
        int flagged = jdbc.update("""
                        insert into poverty_warning (person_id, year, risk, region_code, category, personal_payment, threshold, basis)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (person_id, year, risk) do nothing""",
                personId, year, risk.name(), region, category == null ? null : category.name(), paid.amount(),
                threshold.amount(), basis);
        if (flagged == 1) {
            outbox.append(new PovertyRiskFlagged(personId, region, year, risk, category, paid, threshold, basis, clock.instant()));
            meters.counter("yibao.assistance.poverty.warnings", "risk", risk.name()).increment();
        }
    }
}
