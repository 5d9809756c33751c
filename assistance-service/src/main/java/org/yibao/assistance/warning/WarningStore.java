package org.yibao.assistance.warning;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.PovertyRiskFlagged.PovertyRisk;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** All SQL of the dual early warning: the person's year and household income it reads, the warnings and their feedback. */
@Repository
public class WarningStore {

    private final JdbcClient jdbc;

    WarningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the warning looks at for a person's year.
     *
     * @param category        the person's current assistance category, or null
     * @param householdIncome the household's income of the year, yuan, or null when unknown
     */
    record Exposure(Money personalPayment, String regionCode, AssistanceCategory category, BigDecimal householdIncome) {
    }

    /** One warning as the department receives it. */
    record Warning(String personId, String regionCode, int year, PovertyRisk risk, AssistanceCategory category,
                   Money personalPayment, Money threshold, String basis, Instant flaggedAt) {
    }

    Optional<Exposure> exposure(String personId, int year) {
        return jdbc.sql("""
                        select py.personal_payment, py.region_code, pi.category, hi.income
                        from person_year py
                        left join person_identity pi on pi.person_id = py.person_id
                        left join household_income hi on hi.person_id = py.person_id and hi.year = py.year
                        where py.person_id = ? and py.year = ?""")
                .params(personId, year)
                .query((rs, n) -> new Exposure(Money.of(rs.getBigDecimal(1)), rs.getString(2), category(rs.getString(3)),
                        rs.getBigDecimal(4)))
                .optional();
    }

    /** Records a warning once per person, year and risk; false when it was already raised. */
    boolean flag(String personId, int year, PovertyRisk risk, String region, AssistanceCategory category, Money paid,
                 Money threshold, String basis) {
        return jdbc.sql("""
                        insert into poverty_warning (person_id, year, risk, region_code, category, personal_payment, threshold, basis)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (person_id, year, risk) do nothing""")
                .params(personId, year, risk.name(), region, category == null ? null : category.name(), paid.amount(),
                        threshold.amount(), basis)
                .update() == 1;
    }

    /** The warnings flagged in [from, to), in order, one at a time. */
    void flaggedBetween(Instant from, Instant to, Consumer<Warning> each) {
        jdbc.sql("""
                        select person_id, region_code, year, risk, category, personal_payment, threshold, basis, flagged_at
                        from poverty_warning where flagged_at >= ? and flagged_at < ? order by flagged_at, person_id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    each.accept(new Warning(rs.getString(1), rs.getString(2), rs.getInt(3), PovertyRisk.valueOf(rs.getString(4)),
                            category(rs.getString(5)), Money.of(rs.getBigDecimal(6)), Money.of(rs.getBigDecimal(7)),
                            rs.getString(8), rs.getTimestamp(9).toInstant()));
                });
    }

    /**
     * Records the department's answer on an open warning; the warning's region when there was one to
     * answer, empty when there was none (unknown, or already answered).
     */
    Optional<String> answer(String personId, int year, String risk, boolean confirmed) {
        return jdbc.sql("""
                        update poverty_warning set feedback = ?, feedback_at = now()
                        where person_id = ? and year = ? and risk = ? and feedback is null
                        returning region_code""")
                .params(confirmed ? "CONFIRMED" : "REJECTED", personId, year, risk)
                .query(String.class)
                .optional();
    }

    void saveHouseholdIncome(String personId, int year, BigDecimal income) {
        jdbc.sql("""
                        insert into household_income (person_id, year, income) values (?, ?, ?)
                        on conflict (person_id, year) do update set income = excluded.income""")
                .params(personId, year, income)
                .update();
    }

    private static AssistanceCategory category(String name) {
        return name == null ? null : AssistanceCategory.valueOf(name);
    }
}
